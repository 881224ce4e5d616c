#include <math.h>
#include "ops.h"
double op_hypot(double a, double b) { return sqrt(a * a + b * b); }
long op_mul(long a, long b) { return a * b; }
