// The C library's memmem for Swift: Swift's Glibc module does not import it, because it is
// a GNU extension (declared only under _GNU_SOURCE). A function of our own, compiled with the
// extension on, is the declared way in, rather than binding the symbol with @_silgen_name.
#ifndef ERRATA_CSTRINGSEARCH_H
#define ERRATA_CSTRINGSEARCH_H

#include <stddef.h>

/// The first occurrence of `needle` in `haystack`, or NULL: memmem(3).
void *errata_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
