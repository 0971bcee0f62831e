func 0: params=2 locals=2 results=0 frame=10
320 bytes of machine code, 2 of them data; 13 of 13 IR instructions compiled
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
   5: op_i16x8_extend_low_i8x16_u_ss s2 s4
      0035  movdqu xmm0, [rbx+0x20]
      003a  pmovzxbw xmm0, xmm0
      003f  movdqu [rbx+0x10], xmm0
   9: op_const32_si s7 i0x3
      0044  mov eax, 0x03
      0049  mov [rbx+0x38], rax
  13: op_i16x8_splat_ss s7 s7
      004d  movzx eax, word ptr [rbx+0x38]
      0051  movd xmm0, eax
      0055  pshuflw xmm0, xmm0, 0x00
      005a  pshufd xmm0, xmm0, 0x00
      005f  movdqu [rbx+0x38], xmm0
  17: op_i16x8_mul_sss s5 s2 s7
      0064  movdqu xmm0, [rbx+0x10]
      0069  movdqu xmm1, [rbx+0x38]
      006e  pmullw xmm0, xmm1
      0072  movdqu [rbx+0x28], xmm0
  22: op_v128_load_sso s7 s0 +16
      0077  mov eax, [rbx]
      0079  movdqu xmm0, [r14+rax*1+0x10]
      0080  movdqu [rbx+0x38], xmm0
  27: op_i16x8_extend_low_i8x16_u_ss s7 s7
      0085  movdqu xmm0, [rbx+0x38]
      008a  pmovzxbw xmm0, xmm0
      008f  movdqu [rbx+0x38], xmm0
  31: op_i16x8_add_sss s5 s5 s7
      0094  movdqu xmm0, [rbx+0x28]
      0099  movdqu xmm1, [rbx+0x38]
      009e  paddw xmm0, xmm1
      00a2  movdqu [rbx+0x28], xmm0
  36: op_const32_si s7 i0x2
      00a7  mov eax, 0x02
      00ac  mov [rbx+0x38], rax
  40: op_i16x8_shr_u_sss s5 s5 s7
      00b0  movdqu xmm0, [rbx+0x28]
      00b5  mov ecx, [rbx+0x38]
      00b8  and ecx, 0x0F
      00bb  movd xmm1, ecx
      00bf  psrlw xmm0, xmm1
      00c3  movdqu [rbx+0x28], xmm0
  45: op_i8x16_narrow_i16x8_u_sss s5 s5 s2
      00c8  movdqu xmm0, [rbx+0x28]
      00cd  movdqu xmm1, [rbx+0x10]
      00d2  packuswb xmm0, xmm1
      00d6  movdqu [rbx+0x28], xmm0
  50: op_v128_store_sos s1 +0 s5
      00db  movdqu xmm0, [rbx+0x28]
      00e0  mov eax, [rbx+0x08]
      00e3  movdqu [r14+rax*1], xmm0
  55: op_return
      00e9  mov rdi, r15
      00ec  mov rax, <return_compiled>
      00f6  call rax
      00f8  test rax, rax
      00fb  jz 0x0132
      0101  mov rcx, [r15+0x28]
      0105  mov rbx, [rcx+0x08]
      0109  mov r13, rdx
      010c  mov rcx, [r15+0x20]
      0110  test rcx, rcx
      0113  jz 0x0121
      0119  mov r14, [rcx]
      011c  jmp 0x0124
      0121  xor r14d, r14d
      0124  jmp rax
out of line (hand-overs):
      0126  lea rax, [r13+0xE4]  ; hand over at @57
      012d  jmp 0x0019
      0132  lea rax, [r13+0xDC]  ; hand over at @55
      0139  jmp 0x0019
data: 2 bytes (branch tables, padding)

func 1: params=4 locals=0 results=2 frame=9
192 bytes of machine code, 25 of them data; 2 of 2 IR instructions compiled
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
   5: op_return
      0058  mov rdi, r15
      005b  mov rax, <return_compiled>
      0065  call rax
      0067  test rax, rax
      006a  jz 0x009e
      0070  mov rcx, [r15+0x28]
      0074  mov rbx, [rcx+0x08]
      0078  mov r13, rdx
      007b  mov rcx, [r15+0x20]
      007f  test rcx, rcx
      0082  jz 0x0090
      0088  mov r14, [rcx]
      008b  jmp 0x0093
      0090  xor r14d, r14d
      0093  jmp rax
out of line (hand-overs):
      0095  lea rax, [r13+0x1C]  ; hand over at @7
      0099  jmp 0x0019
      009e  lea rax, [r13+0x14]  ; hand over at @5
      00a2  jmp 0x0019
data: 25 bytes (branch tables, padding)

func 2: params=4 locals=0 results=1 frame=9
208 bytes of machine code, 41 of them data; 3 of 3 IR instructions compiled
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
   9: op_i8x16_bitmask_ss s0 s4
      004c  movdqu xmm0, [rbx+0x20]
      0051  pmovmskb eax, xmm0
      0055  mov [rbx], rax
  13: op_return
      0058  mov rdi, r15
      005b  mov rax, <return_compiled>
      0065  call rax
      0067  test rax, rax
      006a  jz 0x009e
      0070  mov rcx, [r15+0x28]
      0074  mov rbx, [rcx+0x08]
      0078  mov r13, rdx
      007b  mov rcx, [r15+0x20]
      007f  test rcx, rcx
      0082  jz 0x0090
      0088  mov r14, [rcx]
      008b  jmp 0x0093
      0090  xor r14d, r14d
      0093  jmp rax
out of line (hand-overs):
      0095  lea rax, [r13+0x3C]  ; hand over at @15
      0099  jmp 0x0019
      009e  lea rax, [r13+0x34]  ; hand over at @13
      00a2  jmp 0x0019
data: 41 bytes (branch tables, padding)

