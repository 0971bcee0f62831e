func 0: params=2 locals=2 results=0 frame=10
364 bytes of machine code, 1 of them data; 13 of 13 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_v128_load_sso s4 s0 +0
      0028  mov eax, [rbx]
      002a  movdqu xmm0, [r14+rax*1]
      0030  movdqu [rbx+0x20], xmm0
      0035  movdqa xmm15, xmm0
   5: op_i16x8_extend_low_i8x16_u_ss s2 s4
      003a  movdqa xmm0, xmm15
      003f  pmovzxbw xmm0, xmm0
      0044  movdqu [rbx+0x10], xmm0
      0049  movdqa xmm15, xmm0
   9: op_const32_si s7 i0x3
      004e  mov eax, 0x03
      0053  mov [rbx+0x38], rax
  13: op_i16x8_splat_ss s7 s7
      0057  movzx eax, word ptr [rbx+0x38]
      005b  movd xmm0, eax
      005f  pshuflw xmm0, xmm0, 0x00
      0064  pshufd xmm0, xmm0, 0x00
      0069  movdqu [rbx+0x38], xmm0
      006e  movdqa xmm15, xmm0
  17: op_i16x8_mul_sss s5 s2 s7
      0073  movdqu xmm0, [rbx+0x10]
      0078  movdqa xmm1, xmm15
      007d  pmullw xmm0, xmm1
      0081  movdqu [rbx+0x28], xmm0
      0086  movdqa xmm15, xmm0
  22: op_v128_load_sso s7 s0 +16
      008b  mov eax, [rbx]
      008d  movdqu xmm0, [r14+rax*1+0x10]
      0094  movdqu [rbx+0x38], xmm0
      0099  movdqa xmm15, xmm0
  27: op_i16x8_extend_low_i8x16_u_ss s7 s7
      009e  movdqa xmm0, xmm15
      00a3  pmovzxbw xmm0, xmm0
      00a8  movdqu [rbx+0x38], xmm0
      00ad  movdqa xmm15, xmm0
  31: op_i16x8_add_sss s5 s5 s7
      00b2  movdqu xmm0, [rbx+0x28]
      00b7  movdqa xmm1, xmm15
      00bc  paddw xmm0, xmm1
      00c0  movdqu [rbx+0x28], xmm0
      00c5  movdqa xmm15, xmm0
  36: op_const32_si s7 i0x2
      00ca  mov eax, 0x02
      00cf  mov [rbx+0x38], rax
  40: op_i16x8_shr_u_sss s5 s5 s7
      00d3  movdqu xmm0, [rbx+0x28]
      00d8  mov ecx, [rbx+0x38]
      00db  and ecx, 0x0F
      00de  movd xmm1, ecx
      00e2  psrlw xmm0, xmm1
      00e6  movdqu [rbx+0x28], xmm0
      00eb  movdqa xmm15, xmm0
  45: op_i8x16_narrow_i16x8_u_sss s5 s5 s2
      00f0  movdqa xmm0, xmm15
      00f5  movdqu xmm1, [rbx+0x10]
      00fa  packuswb xmm0, xmm1
      00fe  movdqu [rbx+0x28], xmm0
      0103  movdqa xmm15, xmm0
  50: op_v128_store_sos s1 +0 s5
      0108  movdqa xmm0, xmm15
      010d  mov eax, [rbx+0x08]
      0110  movdqu [r14+rax*1], xmm0
  55: op_return
      0116  mov rdi, r15
      0119  mov rax, <return_compiled>
      0123  call rax
      0125  test rax, rax
      0128  jz 0x015f
      012e  mov rcx, [r15+0x28]
      0132  mov rbx, [rcx+0x08]
      0136  mov r13, rdx
      0139  mov rcx, [r15+0x20]
      013d  test rcx, rcx
      0140  jz 0x014e
      0146  mov r14, [rcx]
      0149  jmp 0x0151
      014e  xor r14d, r14d
      0151  jmp rax
out of line (hand-overs):
      0153  lea rax, [r13+0xE4]  ; hand over at @57
      015a  jmp 0x0019
      015f  lea rax, [r13+0xDC]  ; hand over at @55
      0166  jmp 0x0019
data: 1 bytes (branch tables, padding)

func 1: params=4 locals=0 results=2 frame=9
192 bytes of machine code, 20 of them data; 2 of 2 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_f32x4_min_sss s0 s0 s2
      0028  movdqu xmm0, [rbx]
      002c  movdqu xmm1, [rbx+0x10]
      0031  movaps xmm2, xmm0
      0034  movaps xmm3, xmm1
      0037  minps xmm2, xmm1
      003a  minps xmm3, xmm0
      003d  orps xmm2, xmm3
      0040  cmpps xmm0, xmm1, 0x03
      0044  movaps xmm1, xmm0
      0047  andnps xmm1, xmm2
      004a  andps xmm0, [0x00b0]
      0051  orps xmm0, xmm1
      0054  movdqu [rbx], xmm0
      0058  movdqa xmm15, xmm0
   5: op_return
      005d  mov rdi, r15
      0060  mov rax, <return_compiled>
      006a  call rax
      006c  test rax, rax
      006f  jz 0x00a3
      0075  mov rcx, [r15+0x28]
      0079  mov rbx, [rcx+0x08]
      007d  mov r13, rdx
      0080  mov rcx, [r15+0x20]
      0084  test rcx, rcx
      0087  jz 0x0095
      008d  mov r14, [rcx]
      0090  jmp 0x0098
      0095  xor r14d, r14d
      0098  jmp rax
out of line (hand-overs):
      009a  lea rax, [r13+0x1C]  ; hand over at @7
      009e  jmp 0x0019
      00a3  lea rax, [r13+0x14]  ; hand over at @5
      00a7  jmp 0x0019
data: 20 bytes (branch tables, padding)

func 2: params=4 locals=0 results=1 frame=9
208 bytes of machine code, 36 of them data; 3 of 3 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_i8x16_shuffle_sssII s4 s0 s2 I0x1706150413021100 I0x1f0e1d0c1b0a1908
      0028  movdqu xmm0, [rbx]
      002c  pshufb xmm0, [0x00b0]
      0035  movdqu xmm1, [rbx+0x10]
      003a  pshufb xmm1, [0x00c0]
      0043  por xmm0, xmm1
      0047  movdqu [rbx+0x20], xmm0
      004c  movdqa xmm15, xmm0
   9: op_i8x16_bitmask_ss s0 s4
      0051  movdqa xmm0, xmm15
      0056  pmovmskb eax, xmm0
      005a  mov [rbx], rax
  13: op_return
      005d  mov rdi, r15
      0060  mov rax, <return_compiled>
      006a  call rax
      006c  test rax, rax
      006f  jz 0x00a3
      0075  mov rcx, [r15+0x28]
      0079  mov rbx, [rcx+0x08]
      007d  mov r13, rdx
      0080  mov rcx, [r15+0x20]
      0084  test rcx, rcx
      0087  jz 0x0095
      008d  mov r14, [rcx]
      0090  jmp 0x0098
      0095  xor r14d, r14d
      0098  jmp rax
out of line (hand-overs):
      009a  lea rax, [r13+0x3C]  ; hand over at @15
      009e  jmp 0x0019
      00a3  lea rax, [r13+0x34]  ; hand over at @13
      00a7  jmp 0x0019
data: 36 bytes (branch tables, padding)

