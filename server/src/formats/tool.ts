/** Facts about Palisade itself that every report carries. */
import { version } from '../../../package.json';

export const PALISADE_NAME = 'Palisade';
export const PALISADE_VERSION: string = version;
/** Where people learn about the tool (SARIF `informationUri`). */
export const PALISADE_INFORMATION_URI = 'https://palisade.dev';
