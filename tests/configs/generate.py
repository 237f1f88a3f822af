#!/usr/bin/env python3
"""Write a large XM_CF file to stdout, for the loader's scaling tests and
for measuring it (docs/reliability.md, docs/configuration.md).

  generate.py [--partitions P] [--slots N] [--slot-us T] [--areas N]
              [--shared N] [--ports N] [--clash]

P partitions (2, all booted), partition p's first area 1 MB at 0x40100000 + p MB,
where the hello scenario's images and tests/guest's hello_at_* load.
Plan 0 has N slots of T us (10), going round the partitions. Partition 0
has N memory areas (its first one included); the others are one page, a
page apart from 0x10000000. Partitions 2k and 2k + 1 share N more
one-page areas (identical in both) from 0x20000000 + k * 16 MB. With
--ports N, partition 0 has N sampling source ports, partition 1 as many
destination ports, and N channels join them, the last channel's
destination naming partition 1's first port again. --clash
adds conflicts at the end of the file: a slot repeating slot 0's id and
overlapping the last slot, and an area overlapping partition 0's first
one-page area, so that the first earlier conflict must be found among all.
"""
import argparse


def slots(a):
    lines = ['   <Slot id="%d" start="%dus" duration="%dus" partitionId="%d"/>'
             % (i, i * a.slot_us, a.slot_us, i % a.partitions) for i in range(a.slots)]
    if a.clash:
        lines.append('   <Slot id="0" start="%dus" duration="%dus" partitionId="0"/>'
                     % (a.slots * a.slot_us - 5, 5))
    return lines


def areas(a, p):
    lines = ['   <Area start="0x%08x" size="1MB"/>' % (0x40100000 + p * 0x100000)]
    if p == 0:
        lines += ['   <Area start="0x%08x" size="4KB"/>' % (0x10000000 + i * 0x2000)
                  for i in range(a.areas - 1)]
        if a.clash:
            lines.append('   <Area start="0x10000000" size="8KB" mappedAt="0x30000000"/>')
    if p // 2 * 2 + 1 < a.partitions:
        lines += ['   <Area start="0x%08x" size="4KB"/>' % (0x20000000 + p // 2 * 0x01000000
                                                          + i * 0x2000) for i in range(a.shared)]
    return lines


def ports(a, p):
    direction = 'source' if p == 0 else 'destination'
    if a.ports == 0 or p > 1:
        return []
    return (['   <PortTable>'] +
            ['    <Port name="p%d" direction="%s" type="sampling"/>' % (i, direction)
             for i in range(a.ports)] + ['   </PortTable>'])


def channels(a):
    if a.ports == 0:
        return []
    ends = [(i, i) for i in range(a.ports - 1)] + [(a.ports - 1, 0)]
    return ([' <Channels>'] +
            ['  <SamplingChannel maxMessageLength="4B"><Source partitionId="0" portName="p%d"/>'
             '<Destination partitionId="1" portName="p%d"/></SamplingChannel>' % end
             for end in ends] + [' </Channels>'])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--partitions', type=int, default=2)
    ap.add_argument('--slots', type=int, default=2)
    ap.add_argument('--slot-us', type=int, default=10)
    ap.add_argument('--areas', type=int, default=1)
    ap.add_argument('--shared', type=int, default=0)
    ap.add_argument('--ports', type=int, default=0)
    ap.add_argument('--clash', action='store_true')
    a = ap.parse_args()
    out = ['<SystemDescription xmlns="http://www.xtratum.org/xm-3.x" version="1.0.0" '
           'name="generated">',
           ' <HwDescription><ProcessorTable><Processor id="0" frequency="50MHz">'
           '<CyclicPlanTable>',
           '  <Plan id="0" majorFrame="%dus">' % (a.slots * a.slot_us)]
    out += slots(a)
    out += ['  </Plan></CyclicPlanTable></Processor></ProcessorTable>',
            ' <Devices><Uart name="Uart" id="0" baudRate="115200"/></Devices></HwDescription>',
            ' <XMHypervisor console="Uart"/>',
            ' <PartitionTable>']
    for p in range(a.partitions):
        out.append('  <Partition id="%d" name="P%d" flags="boot" console="Uart">'
                   '<PhysicalMemoryAreas>' % (p, p))
        out += areas(a, p)
        out.append('  </PhysicalMemoryAreas>')
        out += ports(a, p)
        out.append('  </Partition>')
    out += [' </PartitionTable>'] + channels(a) + ['</SystemDescription>']
    print('\n'.join(out))


if __name__ == '__main__':
    main()
