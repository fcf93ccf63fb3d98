/**
 * System tools the tests need beyond npm packages. On a fresh Debian machine
 * as root they are installed with apt-get; otherwise the run stops with one
 * line saying what to install.
 */
import { execFileSync, spawnSync } from "node:child_process";

/** Whether `command args` runs and exits 0. */
export function works(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

let aptUpdated = false;

/** Installs Debian packages when running as root on a machine with apt-get; false when that is not possible. */
export function aptInstall(packages: readonly string[]): boolean {
  if (process.getuid?.() !== 0 || !works("apt-get", ["--version"])) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    if (!aptUpdated) execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    aptUpdated = true;
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
      stdio: "inherit",
      env,
    });
    return true;
  } catch {
    return false;
  }
}

/** A Java runtime for the Nu HTML validator (vnu.jar ships in the `vnu-jar` npm package). */
export function ensureJava(): string {
  if (works("java", ["-version"])) return "java";
  if (aptInstall(["default-jre-headless"]) && works("java", ["-version"])) return "java";
  throw new Error(
    "The Nu HTML validator needs Java: install a Java runtime (Debian: apt-get install default-jre-headless).",
  );
}

const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "chromium", "chromium-browser"];

/** Path of a Chromium for the browser tests: `CHROMIUM`, Debian's, or one installed now. */
export function ensureChromium(): string {
  const fromEnv = process.env["CHROMIUM"];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (works(fromEnv, ["--version"])) return fromEnv;
    throw new Error(`CHROMIUM=${fromEnv} does not run; point it at a Chromium or Chrome binary.`);
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => works(candidate, ["--version"]));
  if (found !== undefined) return found;
  if (aptInstall(["chromium"]) && works("/usr/bin/chromium", ["--version"])) return "/usr/bin/chromium";
  throw new Error(
    "The browser tests need Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome.",
  );
}

/** nginx for the deployment test, which serves the built site with the config in deploy/nginx/. */
export function ensureNginx(): string {
  const candidates = ["nginx", "/usr/sbin/nginx"];
  const found = candidates.find((candidate) => works(candidate, ["-v"]));
  if (found !== undefined) return found;
  if (aptInstall(["nginx"]) && works("/usr/sbin/nginx", ["-v"])) return "/usr/sbin/nginx";
  throw new Error("The deployment test needs nginx: install it (Debian: apt-get install nginx).");
}
