/**
 * Word lists the seed catalogue draws names from. Values avoid quotes and stay short, since KSQL
 * values are at most 20 characters (brief §5.2) and tag values are searched by equality.
 */
export const firstNames = [
  'Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Katja', 'Lukas',
  'Mara', 'Niko', 'Olga', 'Paul', 'Rosa', 'Simon', 'Tara', 'Ugo', 'Vera', 'Wim', 'Yara', 'Zoe',
  'Amir', 'Bianca', 'Carlos', 'Dana', 'Emil', 'Fatima', 'Gabriel', 'Hana', 'Ivan', 'Julia', 'Karim', 'Lea',
] as const;

export const lastNames = [
  'Adler', 'Berger', 'Costa', 'Dumont', 'Eriksen', 'Fischer', 'Garcia', 'Horvat', 'Ivanova', 'Jansen',
  'Keller', 'Lindqvist', 'Moreau', 'Novak', 'Olsen', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka',
  'Ulrich', 'Varga', 'Weber', 'Young', 'Zimmer', 'Baptiste', 'Castillo', 'Devlin', 'Engel', 'Ferreira',
] as const;

export const cities = [
  'Amsterdam', 'Berlin', 'Brussels', 'Copenhagen', 'Dublin', 'Lisbon', 'Madrid', 'Milan', 'Oslo', 'Paris',
  'Prague', 'Vienna', 'Warsaw', 'Zurich',
] as const;

/** Vendor country ids are small integers; the lab uses a handful. */
export const countryIds = [1, 2, 3, 4, 5, 6] as const;

export const countries = ['United States', 'United Kingdom', 'France', 'Germany', 'Italy', 'Spain', 'Denmark', 'Japan', 'Canada'] as const;

export const genres = [
  'Action', 'Adventure', 'Animation', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Family', 'Fantasy',
  'History', 'Horror', 'Music', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
] as const;

export const movieRatings = ['G', 'PG', 'PG-13', 'R', 'NC-17'] as const;
export const tvRatings = ['TV-Y', 'TV-G', 'TV-PG', 'TV-14', 'TV-MA'] as const;

export const titleAdjectives = [
  'Silent', 'Crimson', 'Hidden', 'Broken', 'Golden', 'Frozen', 'Last', 'Distant', 'Wild', 'Midnight',
  'Hollow', 'Burning', 'Quiet', 'Electric', 'Lost', 'Northern', 'Iron', 'Paper', 'Velvet', 'Endless',
] as const;

export const titleNouns = [
  'Harbour', 'Orchard', 'Signal', 'Kingdom', 'River', 'Garden', 'Summit', 'Echo', 'Lantern', 'Frontier',
  'Voyage', 'Archive', 'Mirror', 'Canyon', 'Station', 'Promise', 'Tide', 'Empire', 'Horizon', 'Forest',
] as const;

export const seriesNames = [
  'Coastline', 'Night Shift', 'The Bureau', 'Open Kitchen', 'Deep Field', 'Border Town', 'Small Hours',
  'Second Act', 'Glass House', 'Wild Atlas', 'Code Red', 'Old Money', 'Tin Star', 'Blue Line',
  'Dark Matter', 'High Tide',
] as const;

/** Openings are singular so every ending reads as a sentence. */
export const synopsisOpenings = [
  'A reluctant hero', 'A retired detective', 'A young pilot', 'An ambitious chef', 'A small-town teacher',
  'A team of scientists', 'A disgraced journalist', 'A family of farmers', 'An unlikely crew', 'A lonely inventor',
] as const;

export const synopsisEndings = [
  'must face the past to save the future.', 'uncovers a secret that changes everything.',
  'sets out on a journey across the continent.', 'fights to keep the family home.',
  'races against time before the storm arrives.', 'learns what it costs to tell the truth.',
] as const;

export interface ChannelDefinition {
  readonly name: string;
  readonly genre: string;
  readonly language: string;
}

export const channelDefinitions: readonly ChannelDefinition[] = [
  { name: 'Lab One', genre: 'General', language: 'eng' },
  { name: 'Lab Two', genre: 'General', language: 'eng' },
  { name: 'Lab News 24', genre: 'News', language: 'eng' },
  { name: 'World Report', genre: 'News', language: 'eng' },
  { name: 'Lab Sports', genre: 'Sports', language: 'eng' },
  { name: 'Lab Sports 2', genre: 'Sports', language: 'eng' },
  { name: 'Arena Live', genre: 'Sports', language: 'deu' },
  { name: 'Cinema Classic', genre: 'Movies', language: 'eng' },
  { name: 'Cinema Premiere', genre: 'Movies', language: 'eng' },
  { name: 'Kids Planet', genre: 'Kids', language: 'eng' },
  { name: 'Toon Time', genre: 'Kids', language: 'fra' },
  { name: 'Explore Lab', genre: 'Documentary', language: 'eng' },
  { name: 'Nature Wide', genre: 'Documentary', language: 'eng' },
  { name: 'History Hour', genre: 'Documentary', language: 'eng' },
  { name: 'Music Box', genre: 'Music', language: 'eng' },
  { name: 'Retro Hits', genre: 'Music', language: 'ita' },
  { name: 'Comedy Lab', genre: 'Entertainment', language: 'eng' },
  { name: 'Drama Plus', genre: 'Entertainment', language: 'eng' },
  { name: 'Lifestyle Now', genre: 'Lifestyle', language: 'eng' },
  { name: 'Food and Travel', genre: 'Lifestyle', language: 'eng' },
  { name: 'Lab Regional', genre: 'General', language: 'spa' },
  { name: 'Euro News Lab', genre: 'News', language: 'fra' },
  { name: 'Science Today', genre: 'Documentary', language: 'deu' },
  { name: 'Lab Shopping', genre: 'Lifestyle', language: 'eng' },
];

/** Programme titles by channel genre. */
export const showTitles: Readonly<Record<string, readonly string[]>> = {
  General: ['Morning Show', 'Quiz Night', 'Local Stories', 'Evening Magazine', 'Late Talk', 'Weekend Review'],
  News: ['Headlines', 'World Today', 'Business Desk', 'Weather Watch', 'Newsnight', 'Press Review'],
  Sports: ['Match Day', 'Goal Rush', 'Tennis Live', 'Motor Sport', 'Sports Tonight', 'Classic Games'],
  Movies: ['Feature Film', 'Midnight Movie', 'Family Cinema', 'Classic Screen', 'Premiere Night'],
  Kids: ['Cartoon Club', 'Little Explorers', 'Puzzle Pals', 'Story Time', 'Robot Friends'],
  Documentary: ['Wild Planet', 'Hidden Worlds', 'Ancient Empires', 'Ocean Deep', 'How It Works'],
  Music: ['Top 20', 'Live Session', 'Unplugged', 'Dance Floor', 'Music Legends'],
  Entertainment: ['Stand-Up Night', 'Sitcom Hour', 'Drama Series', 'Reality Check', 'Game On'],
  Lifestyle: ['Home Makeover', 'Cook Along', 'City Breaks', 'Garden Life', 'Style Files'],
};

export const paymentMethods = ['credit_card', 'pay_pal', 'in_app', 'gift'] as const;
