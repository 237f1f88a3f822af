/* flush_test's recursion: each level k (n down to 1) keeps %l0 = k and
 * %l1 = 0xA0000000 | k in its register window. The bottom level flushes
 * the windows (XM_sparc_flush_regwin), hands its %fp to flush_check (C),
 * which walks the saved frames and rewrites each %l1 on the stack; on the
 * way back every level stores its %l1 in record[k]: a rewritten value
 * proves its window was reloaded from the stack. Delay-slot instructions
 * are indented one more space. */
    .text
    .align 4
/* void flush_chain(int n, xm_u32_t *record) */
    .global flush_chain
flush_chain:
    save %sp, -96, %sp
    mov %i0, %l0
    sethi %hi(0xA0000000), %l1
    or %l1, %i0, %l1
    cmp %i0, 1
    be 1f
     nop
    sub %i0, 1, %o0
    call flush_chain
     mov %i1, %o1
    ba 2f
     nop
1:  call XM_sparc_flush_regwin
     nop
    mov %fp, %o0
    call flush_check
     mov %l0, %o1
2:  sll %l0, 2, %o0
    st %l1, [%i1 + %o0]
    ret
     restore

    .section .note.GNU-stack, "", @progbits
