// The OS layer: host errno and stat translation, clocks and entropy (POSIX; os_posix.cc).
#pragma once
#include <cstddef>
#include <cstdint>

#include "wasi/abi.h"

struct stat;

namespace wisp::wasi::os {

// Host errno -> WASI errno (EIO-like fallback for anything unknown).
Errno from_host_errno(int host_errno);
// The current host errno translated.
Errno last_error();

FileType filetype_from_mode(uint32_t st_mode);
FileStat filestat_from_host(const struct stat& st);
FileStat0 filestat0_from(const FileStat& st);

// Clocks: time and resolution in nanoseconds; false for an unknown clock id.
bool clock_time(uint32_t clock_id, uint64_t& out_ns);
bool clock_res(uint32_t clock_id, uint64_t& out_ns);

// Fills buf from the OS entropy source (getrandom, /dev/urandom as a fallback).
Errno random_fill(void* buf, size_t len);

}  // namespace wisp::wasi::os
