// The C library's allocator settings (glibc's mallopt); empty where there is no malloc.h.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
