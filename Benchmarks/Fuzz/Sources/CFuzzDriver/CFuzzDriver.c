// Declarations only (CFuzzDriver.h); libFuzzer provides the definitions.
