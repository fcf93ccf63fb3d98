/** The project's version, as `package.json` gives it, for `--version`. */
import packageJson from "../../package.json" with { type: "json" };

export const VERSION_LINE = `${packageJson.name} ${packageJson.version}`;
