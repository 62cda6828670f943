# Taking more memory than limits.memory (mapped and populated, so every page
# is really used) gets the tool killed before it holds it all.
py '
import mmap
step = 128 << 20
limit = int(os.environ["V_MEMORY"])
want = limit + (512 << 20)
held = []
while len(held) * step < want:
    held.append(mmap.mmap(-1, step, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | mmap.MAP_POPULATE))
    print(f"holding {len(held) * 128} MiB", flush=True)
report(False, f"allocated all {want >> 20} MiB, past the {limit >> 20} MiB limit")
'
