# Creating more processes than limits.pids fails with EAGAIN before the limit
# is passed. Bounded (limit + 50 attempts), so it is safe where the limit is
# missing; the real fork bomb runs only after this passes.
py '
import time
limit = int(os.environ["V_PIDS"])
children, error = [], None
for i in range(limit + 50):
    try:
        pid = os.fork()
    except OSError as e:
        error = e
        break
    if pid == 0:
        time.sleep(30)
        os._exit(0)
    children.append(pid)
for pid in children:
    os.kill(pid, 9)
for pid in children:
    os.waitpid(pid, 0)
if error:
    report(len(children) < limit, f"fork refused after {len(children)} children: {ename(error.errno)} (limit {limit})")
else:
    report(False, f"{len(children)} children created, limit {limit}")
'
