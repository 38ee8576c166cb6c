/** One numbered schema step. `sql` is a script; applied migrations must never be edited (checksum). */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}
