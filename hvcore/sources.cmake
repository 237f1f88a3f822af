# hvcore's portable sources, for the host library (hvcore/CMakeLists.txt) and
# the LEON3 image (hvcore/arch/leon3/CMakeLists.txt). Paths relative to hvcore/.
set(HVCORE_SOURCES
  src/hv.c src/irq.c src/sched.c src/partition.c src/pct.c src/console.c src/hypercall.c src/time.c
  src/vtrap.c src/trace.c src/virq.c src/timer.c src/plan.c src/ioport.c src/gid.c
  src/hm.c src/status.c src/manage.c src/vcpu_calls.c
  src/ports.c src/trace_object.c src/memcopy.c src/guest.c src/mmu.c src/policy.c
  drivers/board.c drivers/boards.c drivers/irqmp.c drivers/gptimer.c drivers/apbuart.c)
