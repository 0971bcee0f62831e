func 0: params=2 locals=0 results=1 frame=5
212 bytes of machine code, 0 of them data; 2 of 2 IR instructions compiled
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
   0: op_i32_add_sss s0 s0 s1
      002e  mov eax, [rbx]
      0030  add eax, [rbx+0x08]
      0033  mov [rbx], rax
   5: op_return
      0036  mov rcx, [r15+0x28]
      003a  mov rsi, [rcx-0x08]
      003e  mov rdi, [rcx-0x18]
      0042  test rsi, rsi
      0045  jz 0x00cb
      004b  test dil, 0x01
      004f  jnz 0x00cb
      0055  mov rdx, [rsi+0x70]
      0059  mov rax, [rdx+0x90]
      0060  test rax, rax
      0063  jz 0x00cb
      0069  mov r8, [rax+0x28]
      006d  test r8, r8
      0070  jz 0x00cb
      0076  mov r13, [rdx+0x18]
      007a  sub rdi, r13
      007d  mov edi, [r8+rdi*1]
      0081  add rdi, [rax]
      0084  add rcx, 0xffffffffffffffe8
      0088  mov [r15+0x28], rcx
      008c  mov [r15+0x10], rsi
      0090  mov rbx, [rcx+0x08]
      0094  mov rax, [rsi+0x10]
      0098  cmp rax, [r15+0x18]
      009c  jz 0x00c0
      00a2  mov [r15+0x18], rax
      00a6  mov rcx, [rax+0x110]
      00ad  mov [r15+0x20], rcx
      00b1  xor r14d, r14d
      00b4  test rcx, rcx
      00b7  jz 0x00c0
      00bd  mov r14, [rcx]
      00c0  jmp rdi
out of line (hand-overs):
      00c2  lea rax, [r13+0x1C]  ; hand over at @7
      00c6  jmp 0x001c
      00cb  lea rax, [r13+0x14]  ; hand over at @5
      00cf  jmp 0x001c

func 1: params=1 locals=1 results=1 frame=5
224 bytes of machine code, 3 of them data; 3 of 3 IR instructions compiled
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
   0: op_i64_mul_ssi s1 s0 I0x3
      002e  mov rax, [rbx]
      0031  imul rax, rax, 0x03
      0035  mov [rbx+0x08], rax
   6: op_i64_add_sss s0 s1 s0
      0039  add rax, [rbx]
      003c  mov [rbx], rax
  11: op_return
      003f  mov rcx, [r15+0x28]
      0043  mov rsi, [rcx-0x08]
      0047  mov rdi, [rcx-0x18]
      004b  test rsi, rsi
      004e  jz 0x00d4
      0054  test dil, 0x01
      0058  jnz 0x00d4
      005e  mov rdx, [rsi+0x70]
      0062  mov rax, [rdx+0x90]
      0069  test rax, rax
      006c  jz 0x00d4
      0072  mov r8, [rax+0x28]
      0076  test r8, r8
      0079  jz 0x00d4
      007f  mov r13, [rdx+0x18]
      0083  sub rdi, r13
      0086  mov edi, [r8+rdi*1]
      008a  add rdi, [rax]
      008d  add rcx, 0xffffffffffffffe8
      0091  mov [r15+0x28], rcx
      0095  mov [r15+0x10], rsi
      0099  mov rbx, [rcx+0x08]
      009d  mov rax, [rsi+0x10]
      00a1  cmp rax, [r15+0x18]
      00a5  jz 0x00c9
      00ab  mov [r15+0x18], rax
      00af  mov rcx, [rax+0x110]
      00b6  mov [r15+0x20], rcx
      00ba  xor r14d, r14d
      00bd  test rcx, rcx
      00c0  jz 0x00c9
      00c6  mov r14, [rcx]
      00c9  jmp rdi
out of line (hand-overs):
      00cb  lea rax, [r13+0x34]  ; hand over at @13
      00cf  jmp 0x001c
      00d4  lea rax, [r13+0x2C]  ; hand over at @11
      00d8  jmp 0x001c
data: 3 bytes (branch tables, padding)

func 2: params=2 locals=0 results=1 frame=5
268 bytes of machine code, 0 of them data; 2 of 2 IR instructions compiled
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
   0: op_i32_div_s_sss s0 s0 s1
      002e  mov eax, [rbx]
      0030  mov ecx, [rbx+0x08]
      0033  test ecx, ecx
      0035  jz 0x00f1
      003b  cmp ecx, 0xFFFFFFFF
      003e  jnz 0x0056
      0044  cmp eax, 0x80000000
      0049  jz 0x00fa
      004f  neg eax
      0051  jmp 0x0059
      0056  cdq
      0057  idiv ecx
      0059  mov [rbx], rax
   5: op_return
      005c  mov rcx, [r15+0x28]
      0060  mov rsi, [rcx-0x08]
      0064  mov rdi, [rcx-0x18]
      0068  test rsi, rsi
      006b  jz 0x0103
      0071  test dil, 0x01
      0075  jnz 0x0103
      007b  mov rdx, [rsi+0x70]
      007f  mov rax, [rdx+0x90]
      0086  test rax, rax
      0089  jz 0x0103
      008f  mov r8, [rax+0x28]
      0093  test r8, r8
      0096  jz 0x0103
      009c  mov r13, [rdx+0x18]
      00a0  sub rdi, r13
      00a3  mov edi, [r8+rdi*1]
      00a7  add rdi, [rax]
      00aa  add rcx, 0xffffffffffffffe8
      00ae  mov [r15+0x28], rcx
      00b2  mov [r15+0x10], rsi
      00b6  mov rbx, [rcx+0x08]
      00ba  mov rax, [rsi+0x10]
      00be  cmp rax, [r15+0x18]
      00c2  jz 0x00e6
      00c8  mov [r15+0x18], rax
      00cc  mov rcx, [rax+0x110]
      00d3  mov [r15+0x20], rcx
      00d7  xor r14d, r14d
      00da  test rcx, rcx
      00dd  jz 0x00e6
      00e3  mov r14, [rcx]
      00e6  jmp rdi
out of line (hand-overs):
      00e8  lea rax, [r13+0x1C]  ; hand over at @7
      00ec  jmp 0x001c
      00f1  lea rax, [r13]  ; hand over at @0
      00f5  jmp 0x001c
      00fa  lea rax, [r13]  ; hand over at @0
      00fe  jmp 0x001c
      0103  lea rax, [r13+0x14]  ; hand over at @5
      0107  jmp 0x001c

func 3: params=3 locals=0 results=1 frame=6
232 bytes of machine code, 0 of them data; 3 of 3 IR instructions compiled
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
   0: op_f64_mul_sss s3 s0 s1
      002e  movsd xmm0, qword ptr [rbx]
      0032  mulsd xmm0, [rbx+0x08]
      0037  movsd [rbx+0x18], xmm0
   5: op_f64_add_sss s0 s3 s2
      003c  movsd xmm0, qword ptr [rbx+0x18]
      0041  addsd xmm0, [rbx+0x10]
      0046  movsd [rbx], xmm0
  10: op_return
      004a  mov rcx, [r15+0x28]
      004e  mov rsi, [rcx-0x08]
      0052  mov rdi, [rcx-0x18]
      0056  test rsi, rsi
      0059  jz 0x00df
      005f  test dil, 0x01
      0063  jnz 0x00df
      0069  mov rdx, [rsi+0x70]
      006d  mov rax, [rdx+0x90]
      0074  test rax, rax
      0077  jz 0x00df
      007d  mov r8, [rax+0x28]
      0081  test r8, r8
      0084  jz 0x00df
      008a  mov r13, [rdx+0x18]
      008e  sub rdi, r13
      0091  mov edi, [r8+rdi*1]
      0095  add rdi, [rax]
      0098  add rcx, 0xffffffffffffffe8
      009c  mov [r15+0x28], rcx
      00a0  mov [r15+0x10], rsi
      00a4  mov rbx, [rcx+0x08]
      00a8  mov rax, [rsi+0x10]
      00ac  cmp rax, [r15+0x18]
      00b0  jz 0x00d4
      00b6  mov [r15+0x18], rax
      00ba  mov rcx, [rax+0x110]
      00c1  mov [r15+0x20], rcx
      00c5  xor r14d, r14d
      00c8  test rcx, rcx
      00cb  jz 0x00d4
      00d1  mov r14, [rcx]
      00d4  jmp rdi
out of line (hand-overs):
      00d6  lea rax, [r13+0x30]  ; hand over at @12
      00da  jmp 0x001c
      00df  lea rax, [r13+0x28]  ; hand over at @10
      00e3  jmp 0x001c

func 4: params=1 locals=0 results=1 frame=3
232 bytes of machine code, 1 of them data; 2 of 2 IR instructions compiled
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
   0: op_i32_trunc_f32_s_ss s0 s0
      002e  cvttss2si eax, [rbx]
      0032  cmp eax, 0x80000000
      0037  jz 0x00d5
      003d  mov [rbx], rax
   4: op_return
      0040  mov rcx, [r15+0x28]
      0044  mov rsi, [rcx-0x08]
      0048  mov rdi, [rcx-0x18]
      004c  test rsi, rsi
      004f  jz 0x00de
      0055  test dil, 0x01
      0059  jnz 0x00de
      005f  mov rdx, [rsi+0x70]
      0063  mov rax, [rdx+0x90]
      006a  test rax, rax
      006d  jz 0x00de
      0073  mov r8, [rax+0x28]
      0077  test r8, r8
      007a  jz 0x00de
      0080  mov r13, [rdx+0x18]
      0084  sub rdi, r13
      0087  mov edi, [r8+rdi*1]
      008b  add rdi, [rax]
      008e  add rcx, 0xffffffffffffffe8
      0092  mov [r15+0x28], rcx
      0096  mov [r15+0x10], rsi
      009a  mov rbx, [rcx+0x08]
      009e  mov rax, [rsi+0x10]
      00a2  cmp rax, [r15+0x18]
      00a6  jz 0x00ca
      00ac  mov [r15+0x18], rax
      00b0  mov rcx, [rax+0x110]
      00b7  mov [r15+0x20], rcx
      00bb  xor r14d, r14d
      00be  test rcx, rcx
      00c1  jz 0x00ca
      00c7  mov r14, [rcx]
      00ca  jmp rdi
out of line (hand-overs):
      00cc  lea rax, [r13+0x18]  ; hand over at @6
      00d0  jmp 0x001c
      00d5  lea rax, [r13]  ; hand over at @0
      00d9  jmp 0x001c
      00de  lea rax, [r13+0x10]  ; hand over at @4
      00e2  jmp 0x001c
data: 1 bytes (branch tables, padding)

