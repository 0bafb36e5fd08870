// Boost.JSON itself, compiled into the fuzz build with the same instrumentation as our code,
// so that libFuzzer sees its branches and the sanitizers check it too.
#include <boost/json/src.hpp>
