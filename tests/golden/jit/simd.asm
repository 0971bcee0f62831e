func 0: params=2 locals=2 results=0 frame=10
448 bytes of machine code, 2 of them data; 13 of 13 IR instructions compiled
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
      002e  xor r8d, r8d
      0031  mov [rbx+0x10], r8
      0035  mov [rbx+0x18], r8
   0: op_v128_load_sso s4 s0 +0
      0039  mov eax, [rbx]
      003b  movdqu xmm0, [r14+rax*1]
      0041  movdqu [rbx+0x20], xmm0
      0046  movdqa xmm15, xmm0
   5: op_i16x8_extend_low_i8x16_u_ss s2 s4
      004b  movdqa xmm0, xmm15
      0050  pmovzxbw xmm0, xmm0
      0055  movdqu [rbx+0x10], xmm0
      005a  movdqa xmm15, xmm0
   9: op_const32_si s7 i0x3
      005f  mov eax, 0x03
      0064  mov [rbx+0x38], rax
  13: op_i16x8_splat_ss s7 s7
      0068  movzx eax, word ptr [rbx+0x38]
      006c  movd xmm0, eax
      0070  pshuflw xmm0, xmm0, 0x00
      0075  pshufd xmm0, xmm0, 0x00
      007a  movdqu [rbx+0x38], xmm0
      007f  movdqa xmm15, xmm0
  17: op_i16x8_mul_sss s5 s2 s7
      0084  movdqu xmm0, [rbx+0x10]
      0089  movdqa xmm1, xmm15
      008e  pmullw xmm0, xmm1
      0092  movdqu [rbx+0x28], xmm0
      0097  movdqa xmm15, xmm0
  22: op_v128_load_sso s7 s0 +16
      009c  mov eax, [rbx]
      009e  movdqu xmm0, [r14+rax*1+0x10]
      00a5  movdqu [rbx+0x38], xmm0
      00aa  movdqa xmm15, xmm0
  27: op_i16x8_extend_low_i8x16_u_ss s7 s7
      00af  movdqa xmm0, xmm15
      00b4  pmovzxbw xmm0, xmm0
      00b9  movdqu [rbx+0x38], xmm0
      00be  movdqa xmm15, xmm0
  31: op_i16x8_add_sss s5 s5 s7
      00c3  movdqu xmm0, [rbx+0x28]
      00c8  movdqa xmm1, xmm15
      00cd  paddw xmm0, xmm1
      00d1  movdqu [rbx+0x28], xmm0
      00d6  movdqa xmm15, xmm0
  36: op_const32_si s7 i0x2
      00db  mov eax, 0x02
      00e0  mov [rbx+0x38], rax
  40: op_i16x8_shr_u_sss s5 s5 s7
      00e4  movdqu xmm0, [rbx+0x28]
      00e9  mov ecx, [rbx+0x38]
      00ec  and ecx, 0x0F
      00ef  movd xmm1, ecx
      00f3  psrlw xmm0, xmm1
      00f7  movdqu [rbx+0x28], xmm0
      00fc  movdqa xmm15, xmm0
  45: op_i8x16_narrow_i16x8_u_sss s5 s5 s2
      0101  movdqa xmm0, xmm15
      0106  movdqu xmm1, [rbx+0x10]
      010b  packuswb xmm0, xmm1
      010f  movdqu [rbx+0x28], xmm0
      0114  movdqa xmm15, xmm0
  50: op_v128_store_sos s1 +0 s5
      0119  movdqa xmm0, xmm15
      011e  mov eax, [rbx+0x08]
      0121  movdqu [r14+rax*1], xmm0
  55: op_return
      0127  mov rcx, [r15+0x28]
      012b  mov rsi, [rcx-0x08]
      012f  mov rdi, [rcx-0x18]
      0133  test rsi, rsi
      0136  jz 0x01b2
      013c  test dil, 0x01
      0140  jnz 0x01b2
      0146  mov rdx, [rsi+0x70]
      014a  cmp qword ptr [rdx+0x20], 0x00
      014f  jz 0x01b2
      0155  mov rax, [rdx+0x90]
      015c  mov r13, [rdx+0x18]
      0160  mov r8, [rax+0x30]
      0164  mov edi, [r8+rdi*1]
      0168  add rdi, [rax]
      016b  mov rbx, [rcx-0x10]
      016f  sub qword ptr [r15+0x28], 0x18
      0174  mov [r15+0x10], rsi
      0178  mov rax, [rsi+0x10]
      017c  cmp rax, [r15+0x18]
      0180  jz 0x01a4
      0186  mov [r15+0x18], rax
      018a  mov rcx, [rax+0x110]
      0191  mov [r15+0x20], rcx
      0195  xor r14d, r14d
      0198  test rcx, rcx
      019b  jz 0x01a4
      01a1  mov r14, [rcx]
      01a4  jmp rdi
out of line (hand-overs):
      01a6  lea rax, [r13+0xE4]  ; hand over at @57
      01ad  jmp 0x001c
      01b2  lea rax, [r13+0xDC]  ; hand over at @55
      01b9  jmp 0x001c
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
      0091  mov rax, [rdx+0x90]
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
      0091  mov rax, [rdx+0x90]
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

