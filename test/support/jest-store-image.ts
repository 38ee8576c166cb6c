/** Per test file: in-memory stores opened in this process start from the suite's PGlite image (jest-global-setup.ts). */
import { setDefaultPgliteImage } from '../../src/store/pglite-image';

setDefaultPgliteImage(process.env.UNDERSTUDY_PGLITE_IMAGE);
