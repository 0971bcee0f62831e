// WASI preview1 / preview0 ABI: constants and guest-memory layouts (../shared/wasi/*/typenames.witx).
// Structs mirror the guest layout byte for byte (asserted below) and are copied with memcpy, so the host
// must be little-endian like wasm.
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>

namespace wisp::wasi {

static_assert(std::endian::native == std::endian::little, "WASI layouts are copied as little-endian");

using Errno = uint16_t;

// errno values, in witx order.
constexpr Errno kSuccess = 0, k2big = 1, kAcces = 2, kAddrinuse = 3, kAddrnotavail = 4, kAfnosupport = 5,
    kAgain = 6, kAlready = 7, kBadf = 8, kBadmsg = 9, kBusy = 10, kCanceled = 11, kChild = 12,
    kConnaborted = 13, kConnrefused = 14, kConnreset = 15, kDeadlk = 16, kDestaddrreq = 17, kDom = 18,
    kDquot = 19, kExist = 20, kFault = 21, kFbig = 22, kHostunreach = 23, kIdrm = 24, kIlseq = 25,
    kInprogress = 26, kIntr = 27, kInval = 28, kIo = 29, kIsconn = 30, kIsdir = 31, kLoop = 32, kMfile = 33,
    kMlink = 34, kMsgsize = 35, kMultihop = 36, kNametoolong = 37, kNetdown = 38, kNetreset = 39,
    kNetunreach = 40, kNfile = 41, kNobufs = 42, kNodev = 43, kNoent = 44, kNoexec = 45, kNolck = 46,
    kNolink = 47, kNomem = 48, kNomsg = 49, kNoprotoopt = 50, kNospc = 51, kNosys = 52, kNotconn = 53,
    kNotdir = 54, kNotempty = 55, kNotrecoverable = 56, kNotsock = 57, kNotsup = 58, kNotty = 59, kNxio = 60,
    kOverflow = 61, kOwnerdead = 62, kPerm = 63, kPipe = 64, kProto = 65, kProtonosupport = 66,
    kPrototype = 67, kRange = 68, kRofs = 69, kSpipe = 70, kSrch = 71, kStale = 72, kTimedout = 73,
    kTxtbsy = 74, kXdev = 75, kNotcapable = 76;
static_assert(kNotcapable == 76 && kNoent == 44 && kInval == 28 && kFault == 21);

// Rights bits.
namespace rights {
constexpr uint64_t kFdDatasync = 1ull << 0, kFdRead = 1ull << 1, kFdSeek = 1ull << 2,
                   kFdFdstatSetFlags = 1ull << 3, kFdSync = 1ull << 4, kFdTell = 1ull << 5,
                   kFdWrite = 1ull << 6, kFdAdvise = 1ull << 7, kFdAllocate = 1ull << 8,
                   kPathCreateDirectory = 1ull << 9, kPathCreateFile = 1ull << 10,
                   kPathLinkSource = 1ull << 11, kPathLinkTarget = 1ull << 12, kPathOpen = 1ull << 13,
                   kFdReaddir = 1ull << 14, kPathReadlink = 1ull << 15, kPathRenameSource = 1ull << 16,
                   kPathRenameTarget = 1ull << 17, kPathFilestatGet = 1ull << 18,
                   kPathFilestatSetSize = 1ull << 19, kPathFilestatSetTimes = 1ull << 20,
                   kFdFilestatGet = 1ull << 21, kFdFilestatSetSize = 1ull << 22,
                   kFdFilestatSetTimes = 1ull << 23, kPathSymlink = 1ull << 24,
                   kPathRemoveDirectory = 1ull << 25, kPathUnlinkFile = 1ull << 26,
                   kPollFdReadwrite = 1ull << 27, kSockShutdown = 1ull << 28, kSockAccept = 1ull << 29;
constexpr uint64_t kAll = (1ull << 30) - 1;
// What a regular file (or stream) can do; what a directory can do.
constexpr uint64_t kRegularFile = kFdDatasync | kFdRead | kFdSeek | kFdFdstatSetFlags | kFdSync | kFdTell |
                                  kFdWrite | kFdAdvise | kFdAllocate | kFdFilestatGet | kFdFilestatSetSize |
                                  kFdFilestatSetTimes | kPollFdReadwrite;
constexpr uint64_t kDirectory = kFdFdstatSetFlags | kFdSync | kFdAdvise | kPathCreateDirectory |
                                kPathCreateFile | kPathLinkSource | kPathLinkTarget | kPathOpen | kFdReaddir |
                                kPathReadlink | kPathRenameSource | kPathRenameTarget | kPathFilestatGet |
                                kPathFilestatSetSize | kPathFilestatSetTimes | kFdFilestatGet |
                                kFdFilestatSetTimes | kPathSymlink | kPathRemoveDirectory | kPathUnlinkFile;
constexpr uint64_t kSocket = kFdRead | kFdWrite | kFdFdstatSetFlags | kFdFilestatGet | kPollFdReadwrite |
                             kSockShutdown | kSockAccept;
}  // namespace rights

enum ClockId : uint32_t { kClockRealtime = 0, kClockMonotonic = 1, kClockProcessCpu = 2, kClockThreadCpu = 3 };

enum FileType : uint8_t {
  kFiletypeUnknown = 0, kFiletypeBlockDevice, kFiletypeCharacterDevice, kFiletypeDirectory,
  kFiletypeRegularFile, kFiletypeSocketDgram, kFiletypeSocketStream, kFiletypeSymbolicLink,
};

// whence differs: preview1 is set/cur/end, preview0 is cur/end/set.
enum Whence : uint8_t { kWhenceSet = 0, kWhenceCur = 1, kWhenceEnd = 2 };
enum Whence0 : uint8_t { kWhence0Cur = 0, kWhence0End = 1, kWhence0Set = 2 };

enum Advice : uint8_t { kAdviceNormal, kAdviceSequential, kAdviceRandom, kAdviceWillneed, kAdviceDontneed, kAdviceNoreuse };

namespace fdflags {
constexpr uint16_t kAppend = 1, kDsync = 2, kNonblock = 4, kRsync = 8, kSync = 16;
}
namespace fstflags {
constexpr uint16_t kAtim = 1, kAtimNow = 2, kMtim = 4, kMtimNow = 8;
}
namespace oflags {
constexpr uint16_t kCreat = 1, kDirectory = 2, kExcl = 4, kTrunc = 8;
}
constexpr uint32_t kLookupSymlinkFollow = 1;
enum EventType : uint8_t { kEventClock = 0, kEventFdRead = 1, kEventFdWrite = 2 };
constexpr uint16_t kEventFdReadwriteHangup = 1;
constexpr uint16_t kSubclockAbstime = 1;
constexpr uint16_t kRiflagsPeek = 1, kRiflagsWaitall = 2;
constexpr uint16_t kRoflagsDataTruncated = 1;
constexpr uint8_t kSdflagsRd = 1, kSdflagsWr = 2;
constexpr uint8_t kPreopentypeDir = 0;

// iovec / ciovec: { buf: u32, len: u32 }.
struct IoVec {
  uint32_t buf;
  uint32_t len;
};
static_assert(sizeof(IoVec) == 8 && offsetof(IoVec, len) == 4);

struct FdStat {
  uint8_t fs_filetype;
  uint8_t pad0;
  uint16_t fs_flags;
  uint32_t pad1;
  uint64_t fs_rights_base;
  uint64_t fs_rights_inheriting;
};
static_assert(sizeof(FdStat) == 24 && offsetof(FdStat, fs_flags) == 2 && offsetof(FdStat, fs_rights_base) == 8 &&
              offsetof(FdStat, fs_rights_inheriting) == 16);

// preview1 filestat: nlink is u64.
struct FileStat {
  uint64_t dev;
  uint64_t ino;
  uint8_t filetype;
  uint8_t pad[7];
  uint64_t nlink;
  uint64_t size;
  uint64_t atim;
  uint64_t mtim;
  uint64_t ctim;
};
static_assert(sizeof(FileStat) == 64 && offsetof(FileStat, filetype) == 16 && offsetof(FileStat, nlink) == 24 &&
              offsetof(FileStat, size) == 32 && offsetof(FileStat, atim) == 40 && offsetof(FileStat, mtim) == 48 &&
              offsetof(FileStat, ctim) == 56);

// preview0 filestat: nlink is u32, packed after filetype.
struct FileStat0 {
  uint64_t dev;
  uint64_t ino;
  uint8_t filetype;
  uint8_t pad[3];
  uint32_t nlink;
  uint64_t size;
  uint64_t atim;
  uint64_t mtim;
  uint64_t ctim;
};
static_assert(sizeof(FileStat0) == 56 && offsetof(FileStat0, nlink) == 20 && offsetof(FileStat0, size) == 24 &&
              offsetof(FileStat0, atim) == 32 && offsetof(FileStat0, ctim) == 48);

// dirent header (the name follows, not NUL-terminated); identical in preview0 and preview1.
struct Dirent {
  uint64_t d_next;
  uint64_t d_ino;
  uint32_t d_namlen;
  uint8_t d_type;
  uint8_t pad[3];
};
static_assert(sizeof(Dirent) == 24 && offsetof(Dirent, d_ino) == 8 && offsetof(Dirent, d_namlen) == 16 &&
              offsetof(Dirent, d_type) == 20);

struct Prestat {
  uint8_t tag;
  uint8_t pad[3];
  uint32_t pr_name_len;
};
static_assert(sizeof(Prestat) == 8 && offsetof(Prestat, pr_name_len) == 4);

struct Event {
  uint64_t userdata;
  uint16_t error;
  uint8_t type;
  uint8_t pad[5];
  uint64_t nbytes;
  uint16_t flags;
  uint8_t pad2[6];
};
static_assert(sizeof(Event) == 32 && offsetof(Event, error) == 8 && offsetof(Event, type) == 10 &&
              offsetof(Event, nbytes) == 16 && offsetof(Event, flags) == 24);

// preview1 subscription: userdata, tag at 8, union at 16 (clock: id, timeout, precision, flags).
struct Subscription {
  uint64_t userdata;
  uint8_t tag;
  uint8_t pad[7];
  union {
    struct {
      uint32_t id;
      uint32_t pad;
      uint64_t timeout;
      uint64_t precision;
      uint16_t flags;
      uint8_t pad2[6];
    } clock;
    struct {
      uint32_t fd;
    } fd_readwrite;
  } u;
};
static_assert(sizeof(Subscription) == 48 && offsetof(Subscription, tag) == 8 && offsetof(Subscription, u) == 16 &&
              offsetof(Subscription, u.clock.timeout) == 24 && offsetof(Subscription, u.clock.precision) == 32 &&
              offsetof(Subscription, u.clock.flags) == 40);

// preview0 subscription: the clock arm starts with an extra `identifier` userdata.
struct Subscription0 {
  uint64_t userdata;
  uint8_t tag;
  uint8_t pad[7];
  union {
    struct {
      uint64_t identifier;
      uint32_t id;
      uint32_t pad;
      uint64_t timeout;
      uint64_t precision;
      uint16_t flags;
      uint8_t pad2[6];
    } clock;
    struct {
      uint32_t fd;
    } fd_readwrite;
  } u;
};
static_assert(sizeof(Subscription0) == 56 && offsetof(Subscription0, u.clock.id) == 24 &&
              offsetof(Subscription0, u.clock.timeout) == 32 && offsetof(Subscription0, u.clock.flags) == 48);

}  // namespace wisp::wasi
