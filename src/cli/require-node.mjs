// Plain JavaScript, so that an old Node reads it: one clear line instead of a
// failure deep inside a dependency (the build uses node:sqlite, Node 22.5+).
const [major] = process.versions.node.split(".").map(Number);
if (major < 24) {
  console.error(
    `error: this project needs Node 24 or newer, and this is Node ${process.versions.node}; install Node 24 (the version in .nvmrc, e.g. \`nvm install\`) and check with \`node --version\``,
  );
  process.exit(1);
}
