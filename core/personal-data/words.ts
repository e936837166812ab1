/**
 * Words that are both people's names and ordinary English. A subject called Will, May or Green
 * must not make "Police will visit" or "green light" unwritable, so these name parts count only
 * in a context that makes them a name (see guard.ts). Name particles (de, van, O', Mac) and
 * function words are here too: on their own they identify nobody.
 */
const NAME_WORDS = `
will mark may green hope rose grace faith joy bill sue pat rob dawn summer april june august
ray page hall wood young king brown white black long cook baker miller carter bishop cross
little short frost snow moss lamb fox bird finch swan drake crane price cash bell north west
south east ford bush stone marsh field lane park pool banks brook rivers church chase hunt
hunter guy jack sunny eve ivy holly iris daisy lily heather amber ruby pearl crystal sky storm
river dale glen art don max bob penny chance noble rich sterling major judge dean head best
good love friend sharp light day knight night waters fields woods hills power gold silver ash
oak birch heath moor mason porter turner walker fisher taylor wright archer butler cooper
parker gardener shepherd weaver slater tanner webb booth hope well wells bright blue gray grey
case nurse sargent marshall steward stewart rush reed read reading rain hale strong sweet free
gentle hardy bold wise smart fair earl duke prince lord bishop pope sage basil bay heath holly
star moon sun angel baby honey sugar candy cherry olive jade violet willow autumn winter spring
christian hero trust chip buck dash drew jay kit lee lane wade wren robin dove hawk jay crow
wolf bear buck hart stag bull ox pike bass trout salmon sole cod herring kidd child
young old new newman lamb rock stone cliff clay flint steel iron mills miles morning evening
hill dales bank banks worth gates gate bridge bridges law bond money parent carer
`;

const FUNCTION_WORDS = `
a an the and or of to in on at by for with from as is it be do no so up us we he she me my
de da di du del della der den van von le la les al el bin ibn ben mac mc o st san santa
mr mrs ms miss mx dr sir dame
`;

/**
 * Named laws and schemes said at every MARAC ("a Clare's Law disclosure"): their words are not
 * read as a subject's name. Folded keys of the two words, joined.
 */
export const NAMED_SCHEMES = new Set(['clareslaw', 'sarahslaw', 'helenslaw', 'jadeslaw']);

/** Month names that are also given names: "in May", "by 3 June" are dates, not people. */
export const MONTH_NAMES = new Set(['may', 'june', 'april', 'august']);

/** Words before a month that make it a date ("in May", "end of June", "mid April"). */
export const MONTH_CUES = new Set(
  `in on by of from until till since during before after early mid late end start
   beginning next last this every each throughout`.split(/\s+/),
);

export const HONORIFICS = new Set(
  'mr mrs ms miss mx dr sir dame master lady lord madam mister'.split(/\s+/),
);

export const COMMON_NAME_WORDS: ReadonlySet<string> = new Set(
  `${NAME_WORDS} ${FUNCTION_WORDS}`.split(/\s+/).filter(Boolean),
);

/** The last word of a street, in full (abbreviations expanded first). */
export const STREET_TYPES = new Set(
  `road street avenue lane close drive way court crescent place grove gardens terrace walk
   square row mews park view rise hill green parade path vale wharf yard boulevard circus croft
   chase fold gate end meadow meadows heights approach lea dene brow bank side wynd causeway
   quay embankment hollow glade orchard ridge`.split(/\s+/),
);

/** Street-type abbreviations as written in addresses and notes. */
export const STREET_ABBREVIATIONS: Record<string, string> = {
  rd: 'road',
  st: 'street',
  str: 'street',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  cl: 'close',
  dr: 'drive',
  drv: 'drive',
  ct: 'court',
  crt: 'court',
  cres: 'crescent',
  cresc: 'crescent',
  pl: 'place',
  gr: 'grove',
  gro: 'grove',
  gdns: 'gardens',
  gdn: 'gardens',
  ter: 'terrace',
  terr: 'terrace',
  sq: 'square',
  pk: 'park',
  pde: 'parade',
  wk: 'walk',
  hts: 'heights',
};

/** Words before a house number or flat letter that are not part of the street's name. */
export const DWELLING_PREFIXES = new Set(
  'flat apartment apt unit room no number house block floor suite maisonette'.split(/\s+/),
);

/** Last words of a house name ("Rose Cottage", "Elm Farm"). */
export const HOUSE_NAME_ENDINGS = new Set(
  'cottage house farm lodge barn villa manor mill cottages farmhouse bungalow'.split(/\s+/),
);
