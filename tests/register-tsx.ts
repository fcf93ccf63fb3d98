// Eleventy imports `eleventy.config.ts` itself, with Node's own `import()`,
// which vitest does not transform: tsx's loader lets Node import it, as it
// does under `npm run build`.
import { register } from "tsx/esm/api";

register();
