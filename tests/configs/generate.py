#!/usr/bin/env python3
"""Write a large XM_CF file to stdout, for the loader's scaling tests and
for measuring it (docs/reliability.md, docs/configuration.md).

  generate.py [--slots N] [--areas N] [--shared N] [--clash]

Two partitions. Plan 0 has N slots of 10 us, alternating between them.
Partition 0 has N memory areas of one page, a page apart from 0x10000000
(its first one, 256 KB at 0x40000000, included). Both partitions have N
more identical one-page areas from 0x20000000: shared areas. --clash adds
conflicts at the end of the file: a slot repeating slot 0's id, an area
overlapping partition 0's first one page area, and a slot overlapping the
first slot, so that the first earlier conflict must be found among all.
"""
import argparse


def slots(n, clash):
    lines = ['   <Slot id="%d" start="%dus" duration="10us" partitionId="%d"/>' % (i, i * 10, i % 2)
             for i in range(n)]
    if clash:
        lines.append('   <Slot id="0" start="%dus" duration="5us" partitionId="0"/>' % (n * 10 - 5))
    return lines


def areas(n, shared, first, clash):
    lines = ['   <Area start="0x%08x" size="256KB"/>' % (0x40000000 + first * 0x01000000)]
    if first == 0:
        lines += ['   <Area start="0x%08x" size="4KB"/>' % (0x10000000 + i * 0x2000)
                  for i in range(n - 1)]
        if clash:
            lines.append('   <Area start="0x10000000" size="8KB" mappedAt="0x30000000"/>')
    lines += ['   <Area start="0x%08x" size="4KB"/>' % (0x20000000 + i * 0x2000)
              for i in range(shared)]
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--slots', type=int, default=2)
    ap.add_argument('--areas', type=int, default=1)
    ap.add_argument('--shared', type=int, default=0)
    ap.add_argument('--clash', action='store_true')
    a = ap.parse_args()
    out = ['<SystemDescription xmlns="http://www.xtratum.org/xm-3.x" version="1.0.0" '
           'name="generated">',
           ' <HwDescription><ProcessorTable><Processor id="0" frequency="50MHz">'
           '<CyclicPlanTable>',
           '  <Plan id="0" majorFrame="%dus">' % (a.slots * 10)]
    out += slots(a.slots, a.clash)
    out += ['  </Plan></CyclicPlanTable></Processor></ProcessorTable>',
            ' <Devices><Uart name="Uart" id="0" baudRate="115200"/></Devices></HwDescription>',
            ' <XMHypervisor console="Uart"/>',
            ' <PartitionTable>']
    for p in range(2):
        out.append('  <Partition id="%d" name="P%d" console="Uart"><PhysicalMemoryAreas>' % (p, p))
        out += areas(a.areas, a.shared, p, a.clash)
        out.append('  </PhysicalMemoryAreas></Partition>')
    out += [' </PartitionTable>', '</SystemDescription>']
    print('\n'.join(out))


if __name__ == '__main__':
    main()
