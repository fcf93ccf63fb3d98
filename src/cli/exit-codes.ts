/** Exit codes of the commands, as docs/command-line.md lists them (a module of its own: run-if-main needs them without the build). */
export const EXIT = { built: 0, seedErrors: 1, badFlags: 2, outputRefused: 3, outputBusy: 4, failed: 5 } as const;
