#include <stdio.h>
#include <stdlib.h>
#include "mathops.h"

int main(int argc, char **argv) {
    long a = argc > 1 ? atol(argv[1]) : 2;
    long b = argc > 2 ? atol(argv[2]) : 21;
    printf("hello from C: %ld * %ld = %ld\n", a, b, mul(a, b));
    return 0;
}
