/* Runtime version queries, so a program (or a binding) can check that the
 * library it runs against is the one its headers describe. */
#include "internal.h"

const char *paroer_version(void) { return PAROER_VERSION_STRING; }
uint32_t paroer_version_number(void) { return (uint32_t)PAROER_VERSION_HEX; }
int paroer_abi_version(void) { return PAROER_ABI_VERSION; }
