import sys, py_compile, tempfile, os
sys.path.insert(0, "tools")
import importlib.util
spec = importlib.util.spec_from_file_location("b", "./tools/mutants_fresh6.py")
b = importlib.util.module_from_spec(spec); spec.loader.exec_module(b)
names = set(); bad = 0
for mu in b.MUTANTS:
    assert mu.name not in names, mu.name; names.add(mu.name)
    src = open("./" + mu.path, encoding="utf-8").read()
    for old, new in mu.edits:
        c = src.count(old)
        if c != 1:
            print("COUNT", c, mu.name, repr(old[:60])); bad += 1; break
        src = src.replace(old, new)
    else:
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as f:
            f.write(src)
        try:
            py_compile.compile(f.name, doraise=True)
        except py_compile.PyCompileError as e:
            print("COMPILE", mu.name, e); bad += 1
        os.unlink(f.name)
print(len(b.MUTANTS), "mutants,", bad, "bad")
