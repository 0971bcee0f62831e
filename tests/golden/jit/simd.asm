func 0: params=2 locals=2 results=0 frame=10
448 bytes of machine code, 0 of them data; 13 of 13 IR instructions compiled
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
   0: op_v128_load_sso s4 s0 +0
      002e  mov eax, [rbx]
      0030  movdqu xmm0, [r14+rax*1]
      0036  movdqu [rbx+0x20], xmm0
      003b  movdqa xmm15, xmm0
   5: op_i16x8_extend_low_i8x16_u_ss s2 s4
      0040  movdqa xmm0, xmm15
      0045  pmovzxbw xmm0, xmm0
      004a  movdqu [rbx+0x10], xmm0
      004f  movdqa xmm15, xmm0
   9: op_const32_si s7 i0x3
      0054  mov eax, 0x03
      0059  mov [rbx+0x38], rax
  13: op_i16x8_splat_ss s7 s7
      005d  movzx eax, word ptr [rbx+0x38]
      0061  movd xmm0, eax
      0065  pshuflw xmm0, xmm0, 0x00
      006a  pshufd xmm0, xmm0, 0x00
      006f  movdqu [rbx+0x38], xmm0
      0074  movdqa xmm15, xmm0
  17: op_i16x8_mul_sss s5 s2 s7
      0079  movdqu xmm0, [rbx+0x10]
      007e  movdqa xmm1, xmm15
      0083  pmullw xmm0, xmm1
      0087  movdqu [rbx+0x28], xmm0
      008c  movdqa xmm15, xmm0
  22: op_v128_load_sso s7 s0 +16
      0091  mov eax, [rbx]
      0093  movdqu xmm0, [r14+rax*1+0x10]
      009a  movdqu [rbx+0x38], xmm0
      009f  movdqa xmm15, xmm0
  27: op_i16x8_extend_low_i8x16_u_ss s7 s7
      00a4  movdqa xmm0, xmm15
      00a9  pmovzxbw xmm0, xmm0
      00ae  movdqu [rbx+0x38], xmm0
      00b3  movdqa xmm15, xmm0
  31: op_i16x8_add_sss s5 s5 s7
      00b8  movdqu xmm0, [rbx+0x28]
      00bd  movdqa xmm1, xmm15
      00c2  paddw xmm0, xmm1
      00c6  movdqu [rbx+0x28], xmm0
      00cb  movdqa xmm15, xmm0
  36: op_const32_si s7 i0x2
      00d0  mov eax, 0x02
      00d5  mov [rbx+0x38], rax
  40: op_i16x8_shr_u_sss s5 s5 s7
      00d9  movdqu xmm0, [rbx+0x28]
      00de  mov ecx, [rbx+0x38]
      00e1  and ecx, 0x0F
      00e4  movd xmm1, ecx
      00e8  psrlw xmm0, xmm1
      00ec  movdqu [rbx+0x28], xmm0
      00f1  movdqa xmm15, xmm0
  45: op_i8x16_narrow_i16x8_u_sss s5 s5 s2
      00f6  movdqa xmm0, xmm15
      00fb  movdqu xmm1, [rbx+0x10]
      0100  packuswb xmm0, xmm1
      0104  movdqu [rbx+0x28], xmm0
      0109  movdqa xmm15, xmm0
  50: op_v128_store_sos s1 +0 s5
      010e  movdqa xmm0, xmm15
      0113  mov eax, [rbx+0x08]
      0116  movdqu [r14+rax*1], xmm0
  55: op_return
      011c  mov rcx, [r15+0x28]
      0120  mov rsi, [rcx-0x08]
      0124  mov rdi, [rcx-0x18]
      0128  test rsi, rsi
      012b  jz 0x01b4
      0131  test dil, 0x01
      0135  jnz 0x01b4
      013b  mov rdx, [rsi+0x70]
      013f  mov rax, [rdx+0x90]
      0146  test rax, rax
      0149  jz 0x01b4
      014f  mov r8, [rax+0x28]
      0153  test r8, r8
      0156  jz 0x01b4
      015c  mov r13, [rdx+0x18]
      0160  sub rdi, r13
      0163  mov edi, [r8+rdi*1]
      0167  add rdi, [rax]
      016a  add rcx, 0xffffffffffffffe8
      016e  mov [r15+0x28], rcx
      0172  mov [r15+0x10], rsi
      0176  mov rbx, [rcx+0x08]
      017a  mov rax, [rsi+0x10]
      017e  cmp rax, [r15+0x18]
      0182  jz 0x01a6
      0188  mov [r15+0x18], rax
      018c  mov rcx, [rax+0x110]
      0193  mov [r15+0x20], rcx
      0197  xor r14d, r14d
      019a  test rcx, rcx
      019d  jz 0x01a6
      01a3  mov r14, [rcx]
      01a6  jmp rdi
out of line (hand-overs):
      01a8  lea rax, [r13+0xE4]  ; hand over at @57
      01af  jmp 0x001c
      01b4  lea rax, [r13+0xDC]  ; hand over at @55
      01bb  jmp 0x001c

func 1: params=4 locals=0 results=2 frame=9
288 bytes of machine code, 31 of them data; 2 of 2 IR instructions compiled
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
      0050  andps xmm0, [0x0110]
      0057  orps xmm0, xmm1
      005a  movdqu [rbx], xmm0
      005e  movdqa xmm15, xmm0
   5: op_return
      0063  mov rcx, [r15+0x28]
      0067  mov rsi, [rcx-0x08]
      006b  mov rdi, [rcx-0x18]
      006f  test rsi, rsi
      0072  jz 0x00f8
      0078  test dil, 0x01
      007c  jnz 0x00f8
      0082  mov rdx, [rsi+0x70]
      0086  mov rax, [rdx+0x90]
      008d  test rax, rax
      0090  jz 0x00f8
      0096  mov r8, [rax+0x28]
      009a  test r8, r8
      009d  jz 0x00f8
      00a3  mov r13, [rdx+0x18]
      00a7  sub rdi, r13
      00aa  mov edi, [r8+rdi*1]
      00ae  add rdi, [rax]
      00b1  add rcx, 0xffffffffffffffe8
      00b5  mov [r15+0x28], rcx
      00b9  mov [r15+0x10], rsi
      00bd  mov rbx, [rcx+0x08]
      00c1  mov rax, [rsi+0x10]
      00c5  cmp rax, [r15+0x18]
      00c9  jz 0x00ed
      00cf  mov [r15+0x18], rax
      00d3  mov rcx, [rax+0x110]
      00da  mov [r15+0x20], rcx
      00de  xor r14d, r14d
      00e1  test rcx, rcx
      00e4  jz 0x00ed
      00ea  mov r14, [rcx]
      00ed  jmp rdi
out of line (hand-overs):
      00ef  lea rax, [r13+0x1C]  ; hand over at @7
      00f3  jmp 0x001c
      00f8  lea rax, [r13+0x14]  ; hand over at @5
      00fc  jmp 0x001c
data: 31 bytes (branch tables, padding)

func 2: params=4 locals=0 results=1 frame=9
304 bytes of machine code, 47 of them data; 3 of 3 IR instructions compiled
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
      0032  pshufb xmm0, [0x0110]
      003b  movdqu xmm1, [rbx+0x10]
      0040  pshufb xmm1, [0x0120]
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
      0072  jz 0x00f8
      0078  test dil, 0x01
      007c  jnz 0x00f8
      0082  mov rdx, [rsi+0x70]
      0086  mov rax, [rdx+0x90]
      008d  test rax, rax
      0090  jz 0x00f8
      0096  mov r8, [rax+0x28]
      009a  test r8, r8
      009d  jz 0x00f8
      00a3  mov r13, [rdx+0x18]
      00a7  sub rdi, r13
      00aa  mov edi, [r8+rdi*1]
      00ae  add rdi, [rax]
      00b1  add rcx, 0xffffffffffffffe8
      00b5  mov [r15+0x28], rcx
      00b9  mov [r15+0x10], rsi
      00bd  mov rbx, [rcx+0x08]
      00c1  mov rax, [rsi+0x10]
      00c5  cmp rax, [r15+0x18]
      00c9  jz 0x00ed
      00cf  mov [r15+0x18], rax
      00d3  mov rcx, [rax+0x110]
      00da  mov [r15+0x20], rcx
      00de  xor r14d, r14d
      00e1  test rcx, rcx
      00e4  jz 0x00ed
      00ea  mov r14, [rcx]
      00ed  jmp rdi
out of line (hand-overs):
      00ef  lea rax, [r13+0x3C]  ; hand over at @15
      00f3  jmp 0x001c
      00f8  lea rax, [r13+0x34]  ; hand over at @13
      00fc  jmp 0x001c
data: 47 bytes (branch tables, padding)

