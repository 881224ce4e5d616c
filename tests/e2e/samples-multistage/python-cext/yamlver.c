/* A C extension linked against libyaml: version() asks the library. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <yaml.h>

static PyObject *version(PyObject *self, PyObject *args) {
    return PyUnicode_FromString(yaml_get_version_string());
}

static PyObject *doubled(PyObject *self, PyObject *args) {
    long n;
    if (!PyArg_ParseTuple(args, "l", &n))
        return NULL;
    return PyLong_FromLong(2 * n);
}

static PyMethodDef methods[] = {
    {"version", version, METH_NOARGS, "libyaml's version"},
    {"doubled", doubled, METH_VARARGS, "2 * n"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "yamlver", NULL, -1, methods};

PyMODINIT_FUNC PyInit_yamlver(void) { return PyModule_Create(&module); }
