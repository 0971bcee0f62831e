func 0: params=2 locals=0 results=1 frame=5
200 bytes of machine code, 1 of them data; 2 of 2 IR instructions compiled
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
      0045  jz 0x00be
      004b  test dil, 0x01
      004f  jnz 0x00be
      0055  mov rdx, [rsi+0x70]
      0059  cmp qword ptr [rdx+0x20], 0x00
      005e  jz 0x00be
      0064  mov rax, [rdx+0x90]
      006b  mov r13, [rdx+0x18]
      006f  mov r8, [rax+0x30]
      0073  mov edi, [r8+rdi*1]
      0077  add rdi, [rax]
      007a  mov rbx, [rcx-0x10]
      007e  sub qword ptr [r15+0x28], 0x18
      0083  mov [r15+0x10], rsi
      0087  mov rax, [rsi+0x10]
      008b  cmp rax, [r15+0x18]
      008f  jz 0x00b3
      0095  mov [r15+0x18], rax
      0099  mov rcx, [rax+0x110]
      00a0  mov [r15+0x20], rcx
      00a4  xor r14d, r14d
      00a7  test rcx, rcx
      00aa  jz 0x00b3
      00b0  mov r14, [rcx]
      00b3  jmp rdi
out of line (hand-overs):
      00b5  lea rax, [r13+0x1C]  ; hand over at @7
      00b9  jmp 0x001c
      00be  lea rax, [r13+0x14]  ; hand over at @5
      00c2  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 1: params=1 locals=1 results=1 frame=5
208 bytes of machine code, 0 of them data; 3 of 3 IR instructions compiled
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
      004e  jz 0x00c7
      0054  test dil, 0x01
      0058  jnz 0x00c7
      005e  mov rdx, [rsi+0x70]
      0062  cmp qword ptr [rdx+0x20], 0x00
      0067  jz 0x00c7
      006d  mov rax, [rdx+0x90]
      0074  mov r13, [rdx+0x18]
      0078  mov r8, [rax+0x30]
      007c  mov edi, [r8+rdi*1]
      0080  add rdi, [rax]
      0083  mov rbx, [rcx-0x10]
      0087  sub qword ptr [r15+0x28], 0x18
      008c  mov [r15+0x10], rsi
      0090  mov rax, [rsi+0x10]
      0094  cmp rax, [r15+0x18]
      0098  jz 0x00bc
      009e  mov [r15+0x18], rax
      00a2  mov rcx, [rax+0x110]
      00a9  mov [r15+0x20], rcx
      00ad  xor r14d, r14d
      00b0  test rcx, rcx
      00b3  jz 0x00bc
      00b9  mov r14, [rcx]
      00bc  jmp rdi
out of line (hand-overs):
      00be  lea rax, [r13+0x34]  ; hand over at @13
      00c2  jmp 0x001c
      00c7  lea rax, [r13+0x2C]  ; hand over at @11
      00cb  jmp 0x001c

func 2: params=2 locals=0 results=1 frame=5
256 bytes of machine code, 1 of them data; 2 of 2 IR instructions compiled
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
      0035  jz 0x00e4
      003b  cmp ecx, 0xFFFFFFFF
      003e  jnz 0x0056
      0044  cmp eax, 0x80000000
      0049  jz 0x00ed
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
      006b  jz 0x00f6
      0071  test dil, 0x01
      0075  jnz 0x00f6
      007b  mov rdx, [rsi+0x70]
      007f  cmp qword ptr [rdx+0x20], 0x00
      0084  jz 0x00f6
      008a  mov rax, [rdx+0x90]
      0091  mov r13, [rdx+0x18]
      0095  mov r8, [rax+0x30]
      0099  mov edi, [r8+rdi*1]
      009d  add rdi, [rax]
      00a0  mov rbx, [rcx-0x10]
      00a4  sub qword ptr [r15+0x28], 0x18
      00a9  mov [r15+0x10], rsi
      00ad  mov rax, [rsi+0x10]
      00b1  cmp rax, [r15+0x18]
      00b5  jz 0x00d9
      00bb  mov [r15+0x18], rax
      00bf  mov rcx, [rax+0x110]
      00c6  mov [r15+0x20], rcx
      00ca  xor r14d, r14d
      00cd  test rcx, rcx
      00d0  jz 0x00d9
      00d6  mov r14, [rcx]
      00d9  jmp rdi
out of line (hand-overs):
      00db  lea rax, [r13+0x1C]  ; hand over at @7
      00df  jmp 0x001c
      00e4  lea rax, [r13]  ; hand over at @0
      00e8  jmp 0x001c
      00ed  lea rax, [r13]  ; hand over at @0
      00f1  jmp 0x001c
      00f6  lea rax, [r13+0x14]  ; hand over at @5
      00fa  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 3: params=3 locals=0 results=1 frame=6
220 bytes of machine code, 1 of them data; 3 of 3 IR instructions compiled
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
      0059  jz 0x00d2
      005f  test dil, 0x01
      0063  jnz 0x00d2
      0069  mov rdx, [rsi+0x70]
      006d  cmp qword ptr [rdx+0x20], 0x00
      0072  jz 0x00d2
      0078  mov rax, [rdx+0x90]
      007f  mov r13, [rdx+0x18]
      0083  mov r8, [rax+0x30]
      0087  mov edi, [r8+rdi*1]
      008b  add rdi, [rax]
      008e  mov rbx, [rcx-0x10]
      0092  sub qword ptr [r15+0x28], 0x18
      0097  mov [r15+0x10], rsi
      009b  mov rax, [rsi+0x10]
      009f  cmp rax, [r15+0x18]
      00a3  jz 0x00c7
      00a9  mov [r15+0x18], rax
      00ad  mov rcx, [rax+0x110]
      00b4  mov [r15+0x20], rcx
      00b8  xor r14d, r14d
      00bb  test rcx, rcx
      00be  jz 0x00c7
      00c4  mov r14, [rcx]
      00c7  jmp rdi
out of line (hand-overs):
      00c9  lea rax, [r13+0x30]  ; hand over at @12
      00cd  jmp 0x001c
      00d2  lea rax, [r13+0x28]  ; hand over at @10
      00d6  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 4: params=1 locals=0 results=1 frame=3
220 bytes of machine code, 2 of them data; 2 of 2 IR instructions compiled
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
      0037  jz 0x00c8
      003d  mov [rbx], rax
   4: op_return
      0040  mov rcx, [r15+0x28]
      0044  mov rsi, [rcx-0x08]
      0048  mov rdi, [rcx-0x18]
      004c  test rsi, rsi
      004f  jz 0x00d1
      0055  test dil, 0x01
      0059  jnz 0x00d1
      005f  mov rdx, [rsi+0x70]
      0063  cmp qword ptr [rdx+0x20], 0x00
      0068  jz 0x00d1
      006e  mov rax, [rdx+0x90]
      0075  mov r13, [rdx+0x18]
      0079  mov r8, [rax+0x30]
      007d  mov edi, [r8+rdi*1]
      0081  add rdi, [rax]
      0084  mov rbx, [rcx-0x10]
      0088  sub qword ptr [r15+0x28], 0x18
      008d  mov [r15+0x10], rsi
      0091  mov rax, [rsi+0x10]
      0095  cmp rax, [r15+0x18]
      0099  jz 0x00bd
      009f  mov [r15+0x18], rax
      00a3  mov rcx, [rax+0x110]
      00aa  mov [r15+0x20], rcx
      00ae  xor r14d, r14d
      00b1  test rcx, rcx
      00b4  jz 0x00bd
      00ba  mov r14, [rcx]
      00bd  jmp rdi
out of line (hand-overs):
      00bf  lea rax, [r13+0x18]  ; hand over at @6
      00c3  jmp 0x001c
      00c8  lea rax, [r13]  ; hand over at @0
      00cc  jmp 0x001c
      00d1  lea rax, [r13+0x10]  ; hand over at @4
      00d5  jmp 0x001c
data: 2 bytes (branch tables, padding)

