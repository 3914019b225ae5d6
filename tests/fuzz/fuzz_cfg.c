/*
 * fuzz_cfg: libFuzzer target for the configuration reader.  Any input must
 * parse or be refused without a crash, leak or exit; what parses must print
 * as YAML that parses again to the same tree.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf err = { 0 }, out = { 0 };
	struct cfg *a, *b;

	if (cfg_parse((const char *)data, size, "fuzz.yaml", &a, &err) == 0) {
		cfg_print(&out, a);
		if (cfg_parse(out.p, out.n, "printed.yaml", &b, &err) != 0) {
			fprintf(stderr,
			    "printed config does not parse: %s\n"
			    "--- printed:\n%s",
			    err.p, out.p);
			abort();
		}
		if (!cfg_equal(a, b)) {
			fprintf(stderr, "printed config differs:\n%s", out.p);
			abort();
		}
		cfg_free(b);
		cfg_free(a);
	}
	buf_free(&out);
	buf_free(&err);
	return 0;
}
