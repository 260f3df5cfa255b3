// libFuzzer's driver, for an entry point of our own: SwiftPM links an executable's entry as
// <module>_main, so the harness starts libFuzzer itself rather than relying on its main.
#ifndef ERRATA_CFUZZDRIVER_H
#define ERRATA_CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
