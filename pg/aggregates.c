/* placeholder */
#include "pg_args.h"
