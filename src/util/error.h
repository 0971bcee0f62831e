// The error taxonomy shared by every layer. It is part of the public API, so it lives in
// include/wisp/error.h; this header keeps the internal include path working.
#pragma once
#include "wisp/error.h"
