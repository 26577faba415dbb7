// The readline-compatible API of libedit (Debian: libedit-dev). The `editline/`
// path makes sure GNU readline's headers are never picked up instead.
#include <stdio.h>
#include <stdlib.h>
#include <editline/readline.h>
