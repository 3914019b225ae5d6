/*
 * A fuzz target without libFuzzer: each file named is given to the
 * target's LLVMFuzzerTestOneInput once, as the fuzzer gives the inputs of
 * its corpus.  make check runs every target so over its seed corpus
 * (tests/fuzz/corpus/NAME/), so that a target that no longer builds, or
 * an input that once passed and now breaks an invariant (abort), fails a
 * test; make fuzz is where new inputs are looked for.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bytes of file path (malloc'd, *n of them), or NULL. */
static unsigned char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	size_t cap = 0, got;

	*n = 0;
	if (f == NULL)
		return NULL;
	do {
		if (*n == cap) {
			unsigned char *q;

			cap = cap ? 2 * cap : 4096;
			if ((q = realloc(p, cap)) == NULL) {
				free(p);
				fclose(f);
				return NULL;
			}
			p = q;
		}
		got = fread(p + *n, 1, cap - *n, f);
		*n += got;
	} while (got > 0);
	if (ferror(f)) {
		free(p);
		p = NULL;
	}
	fclose(f);
	return p;
}

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		size_t n;
		unsigned char *p = slurp(argv[i], &n);

		if (p == NULL) {
			perror(argv[i]);
			return 2;
		}
		LLVMFuzzerTestOneInput(p, n);
		free(p);
	}
	return 0;
}
