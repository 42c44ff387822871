/* A stand-in for Windows' bcryptprimitives.dll, for running GongPing's Windows build under Wine in tests
   only (never shipped): Go >= 1.22 calls ProcessPrng before main, and Debian 12's Wine 8 lacks the DLL.
   ProcessPrng fills the buffer from advapi32's RtlGenRandom (SystemFunction036). */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
	while (size > 0) {
		ULONG n = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!SystemFunction036(data, n)) return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
