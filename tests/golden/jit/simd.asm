func 0: params=2 locals=2 results=0 frame=10
444 bytes of machine code, 2 of them data; 13 of 13 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
      002e  xorps xmm0, xmm0
      0031  movups [rbx+0x10], xmm0
   0: op_v128_load_sso s4 s0 +0
      0035  mov eax, [rbx]
      0037  movdqu xmm0, [r14+rax*1]
      003d  movdqu [rbx+0x20], xmm0
      0042  movdqa xmm15, xmm0
   5: op_i16x8_extend_low_i8x16_u_ss s2 s4
      0047  movdqa xmm0, xmm15
      004c  pmovzxbw xmm0, xmm0
      0051  movdqu [rbx+0x10], xmm0
      0056  movdqa xmm15, xmm0
   9: op_const32_si s7 i0x3
      005b  mov eax, 0x03
      0060  mov [rbx+0x38], rax
  13: op_i16x8_splat_ss s7 s7
      0064  movzx eax, word ptr [rbx+0x38]
      0068  movd xmm0, eax
      006c  pshuflw xmm0, xmm0, 0x00
      0071  pshufd xmm0, xmm0, 0x00
      0076  movdqu [rbx+0x38], xmm0
      007b  movdqa xmm15, xmm0
  17: op_i16x8_mul_sss s5 s2 s7
      0080  movdqu xmm0, [rbx+0x10]
      0085  movdqa xmm1, xmm15
      008a  pmullw xmm0, xmm1
      008e  movdqu [rbx+0x28], xmm0
      0093  movdqa xmm15, xmm0
  22: op_v128_load_sso s7 s0 +16
      0098  mov eax, [rbx]
      009a  movdqu xmm0, [r14+rax*1+0x10]
      00a1  movdqu [rbx+0x38], xmm0
      00a6  movdqa xmm15, xmm0
  27: op_i16x8_extend_low_i8x16_u_ss s7 s7
      00ab  movdqa xmm0, xmm15
      00b0  pmovzxbw xmm0, xmm0
      00b5  movdqu [rbx+0x38], xmm0
      00ba  movdqa xmm15, xmm0
  31: op_i16x8_add_sss s5 s5 s7
      00bf  movdqu xmm0, [rbx+0x28]
      00c4  movdqa xmm1, xmm15
      00c9  paddw xmm0, xmm1
      00cd  movdqu [rbx+0x28], xmm0
      00d2  movdqa xmm15, xmm0
  36: op_const32_si s7 i0x2
      00d7  mov eax, 0x02
      00dc  mov [rbx+0x38], rax
  40: op_i16x8_shr_u_sss s5 s5 s7
      00e0  movdqu xmm0, [rbx+0x28]
      00e5  mov ecx, [rbx+0x38]
      00e8  and ecx, 0x0F
      00eb  movd xmm1, ecx
      00ef  psrlw xmm0, xmm1
      00f3  movdqu [rbx+0x28], xmm0
      00f8  movdqa xmm15, xmm0
  45: op_i8x16_narrow_i16x8_u_sss s5 s5 s2
      00fd  movdqa xmm0, xmm15
      0102  movdqu xmm1, [rbx+0x10]
      0107  packuswb xmm0, xmm1
      010b  movdqu [rbx+0x28], xmm0
      0110  movdqa xmm15, xmm0
  50: op_v128_store_sos s1 +0 s5
      0115  movdqa xmm0, xmm15
      011a  mov eax, [rbx+0x08]
      011d  movdqu [r14+rax*1], xmm0
  55: op_return
      0123  mov rcx, [r15+0x28]
      0127  mov rsi, [rcx-0x08]
      012b  mov rdi, [rcx-0x18]
      012f  test rsi, rsi
      0132  jz 0x01ae
      0138  test dil, 0x01
      013c  jnz 0x01ae
      0142  mov rdx, [rsi+0x70]
      0146  cmp qword ptr [rdx+0x20], 0x00
      014b  jz 0x01ae
      0151  mov rax, [rdx+0xD8]
      0158  mov r13, [rdx+0x18]
      015c  mov r8, [rax+0x30]
      0160  mov edi, [r8+rdi*1]
      0164  add rdi, [rax]
      0167  mov rbx, [rcx-0x10]
      016b  sub qword ptr [r15+0x28], 0x18
      0170  mov [r15+0x10], rsi
      0174  mov rax, [rsi+0x10]
      0178  cmp rax, [r15+0x18]
      017c  jz 0x01a0
      0182  mov [r15+0x18], rax
      0186  mov rcx, [rax+0x110]
      018d  mov [r15+0x20], rcx
      0191  xor r14d, r14d
      0194  test rcx, rcx
      0197  jz 0x01a0
      019d  mov r14, [rcx]
      01a0  jmp rdi
out of line (hand-overs):
      01a2  lea rax, [r13+0xE4]  ; hand over at @57
      01a9  jmp 0x001c
      01ae  lea rax, [r13+0xDC]  ; hand over at @55
      01b5  jmp 0x001c
data: 2 bytes (branch tables, padding)

func 1: params=4 locals=0 results=2 frame=9
272 bytes of machine code, 28 of them data; 2 of 2 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_f32x4_min_sss s0 s0 s2
      002e  movdqu xmm0, [rbx]
      0032  movdqu xmm1, [rbx+0x10]
      0037  movaps xmm2, xmm0
      003a  movaps xmm3, xmm1
      003d  minps xmm2, xmm1
      0040  minps xmm3, xmm0
      0043  orps xmm2, xmm3
      0046  cmpps xmm0, xmm1, 0x03
      004a  movaps xmm1, xmm0
      004d  andnps xmm1, xmm2
      0050  andps xmm0, [0x0100]
      0057  orps xmm0, xmm1
      005a  movdqu [rbx], xmm0
      005e  movdqa xmm15, xmm0
   5: op_return
      0063  mov rcx, [r15+0x28]
      0067  mov rsi, [rcx-0x08]
      006b  mov rdi, [rcx-0x18]
      006f  test rsi, rsi
      0072  jz 0x00eb
      0078  test dil, 0x01
      007c  jnz 0x00eb
      0082  mov rdx, [rsi+0x70]
      0086  cmp qword ptr [rdx+0x20], 0x00
      008b  jz 0x00eb
      0091  mov rax, [rdx+0xD8]
      0098  mov r13, [rdx+0x18]
      009c  mov r8, [rax+0x30]
      00a0  mov edi, [r8+rdi*1]
      00a4  add rdi, [rax]
      00a7  mov rbx, [rcx-0x10]
      00ab  sub qword ptr [r15+0x28], 0x18
      00b0  mov [r15+0x10], rsi
      00b4  mov rax, [rsi+0x10]
      00b8  cmp rax, [r15+0x18]
      00bc  jz 0x00e0
      00c2  mov [r15+0x18], rax
      00c6  mov rcx, [rax+0x110]
      00cd  mov [r15+0x20], rcx
      00d1  xor r14d, r14d
      00d4  test rcx, rcx
      00d7  jz 0x00e0
      00dd  mov r14, [rcx]
      00e0  jmp rdi
out of line (hand-overs):
      00e2  lea rax, [r13+0x1C]  ; hand over at @7
      00e6  jmp 0x001c
      00eb  lea rax, [r13+0x14]  ; hand over at @5
      00ef  jmp 0x001c
data: 28 bytes (branch tables, padding)

func 2: params=4 locals=0 results=1 frame=9
288 bytes of machine code, 44 of them data; 3 of 3 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_i8x16_shuffle_sssII s4 s0 s2 I0x1706150413021100 I0x1f0e1d0c1b0a1908
      002e  movdqu xmm0, [rbx]
      0032  pshufb xmm0, [0x0100]
      003b  movdqu xmm1, [rbx+0x10]
      0040  pshufb xmm1, [0x0110]
      0049  por xmm0, xmm1
      004d  movdqu [rbx+0x20], xmm0
      0052  movdqa xmm15, xmm0
   9: op_i8x16_bitmask_ss s0 s4
      0057  movdqa xmm0, xmm15
      005c  pmovmskb eax, xmm0
      0060  mov [rbx], rax
  13: op_return
      0063  mov rcx, [r15+0x28]
      0067  mov rsi, [rcx-0x08]
      006b  mov rdi, [rcx-0x18]
      006f  test rsi, rsi
      0072  jz 0x00eb
      0078  test dil, 0x01
      007c  jnz 0x00eb
      0082  mov rdx, [rsi+0x70]
      0086  cmp qword ptr [rdx+0x20], 0x00
      008b  jz 0x00eb
      0091  mov rax, [rdx+0xD8]
      0098  mov r13, [rdx+0x18]
      009c  mov r8, [rax+0x30]
      00a0  mov edi, [r8+rdi*1]
      00a4  add rdi, [rax]
      00a7  mov rbx, [rcx-0x10]
      00ab  sub qword ptr [r15+0x28], 0x18
      00b0  mov [r15+0x10], rsi
      00b4  mov rax, [rsi+0x10]
      00b8  cmp rax, [r15+0x18]
      00bc  jz 0x00e0
      00c2  mov [r15+0x18], rax
      00c6  mov rcx, [rax+0x110]
      00cd  mov [r15+0x20], rcx
      00d1  xor r14d, r14d
      00d4  test rcx, rcx
      00d7  jz 0x00e0
      00dd  mov r14, [rcx]
      00e0  jmp rdi
out of line (hand-overs):
      00e2  lea rax, [r13+0x3C]  ; hand over at @15
      00e6  jmp 0x001c
      00eb  lea rax, [r13+0x34]  ; hand over at @13
      00ef  jmp 0x001c
data: 44 bytes (branch tables, padding)

