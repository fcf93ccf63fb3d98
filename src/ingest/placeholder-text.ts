/**
 * Placeholder filler a CMS left above a story: pseudo-Latin from lorem-ipsum
 * generators (the classic passage and Drupal's devel generator), which a
 * reader skips as not part of the story.
 */

/** The generators' vocabulary: words of the classic passage and of Drupal devel's word list. */
const FILLER_WORDS = new Set(
  (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore " +
    "magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo " +
    "consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint " +
    "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum " +
    "abbas abdo abico abigo abluo accumsan acsi antehabeo appellatio aptent at augue autem bene blandit brevitas " +
    "caecus camur capto causa cogo comis commoveo consectetuer conventio cui damnum decet defui diam dignissim " +
    "distineo dolus eligo erat eros esca eu eum exerci exputo facilisi facilisis fere feugiat gemino genitus " +
    "gilvus gravis haero hendrerit hos huic humo iaceo ibidem ideo ille illum immitto importunus imputo incassum " +
    "inhibeo interdico iriure iusto iustum jugis jumentum jus laoreet lenis letalis lobortis loquor lucidus luctus " +
    "ludus luptatum macto mauris melior metuo meus modo molior mos natu neo neque nibh nimis nisl nobis nunc " +
    "nutus obruo occuro odio olim oppeto os pagus pala paratus patria paulatim pecus persto pertineo plaga pneum " +
    "populus praemitto praesent premo probo proprius quadrum quae quia quibus quidem quidne ratis refero refoveo " +
    "roto rusticus saepius sagaciter saluto scisco secundum si similis singularis sino sudo suscipere suscipit " +
    "tamen tation te tego tincidunt torqueo tum turpis typicus ulciscor ullamcorper usitas utinam utrum uxor " +
    "valde valetudo validus vel vero verto vicis vindico virtus voco volutpat vulpes vulputate wisi ymo zelus"
  ).split(" "),
);

/** Filler is told by most of its words, over a stretch long enough that a Latin phrase in a story is not. */
const MIN_WORDS = 10;
const MIN_SHARE = 0.6;

export function isPlaceholderText(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return false;
  return words.filter((word) => FILLER_WORDS.has(word)).length >= words.length * MIN_SHARE;
}
