#include <stdio.h>
#include <stdlib.h>
#include "ops.h"
int main(int argc, char **argv) {
    long a = argc > 1 ? atol(argv[1]) : 0, b = argc > 2 ? atol(argv[2]) : 0;
    printf("calc: %ld * %ld = %ld; hypot = %.4f\n", a, b, op_mul(a, b), op_hypot((double)a, (double)b));
    return 0;
}
