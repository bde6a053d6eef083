/* TEST AID ONLY: never shipped in a release archive.
 *
 * Debian's wine 8.0 has no bcryptprimitives.dll, which every Rust Windows
 * binary since Rust 1.78 imports for ProcessPrng; without it an .exe does
 * not start under wine (status c0000135). This stand-in exports ProcessPrng
 * and fills the buffer from RtlGenRandom (advapi32's SystemFunction036),
 * which wine has. .ci/wine/run builds it with mingw and puts it beside the
 * .exe it runs. A real Windows has the real DLL. */
#include <windows.h>

typedef BOOLEAN (WINAPI *RtlGenRandomFn)(PVOID, ULONG);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    static RtlGenRandomFn gen = 0;
    if (!gen) {
        HMODULE h = LoadLibraryA("advapi32.dll");
        if (!h) return FALSE;
        gen = (RtlGenRandomFn)GetProcAddress(h, "SystemFunction036");
        if (!gen) return FALSE;
    }
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!gen(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
