func 0: params=2 locals=0 results=1 frame=5
208 bytes of machine code, 2 of them data; 2 of 2 IR instructions compiled
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
   0: op_i32_add_sss s0 s0 s1
      0028  mov eax, [rbx]
      002a  add eax, [rbx+0x08]
      002d  mov [rbx], rax
   5: op_return
      0030  mov rcx, [r15+0x28]
      0034  mov rsi, [rcx-0x08]
      0038  mov rdi, [rcx-0x18]
      003c  test rsi, rsi
      003f  jz 0x00c5
      0045  test dil, 0x01
      0049  jnz 0x00c5
      004f  mov rdx, [rsi+0x70]
      0053  mov rax, [rdx+0xD8]
      005a  test rax, rax
      005d  jz 0x00c5
      0063  mov r8, [rax+0x28]
      0067  test r8, r8
      006a  jz 0x00c5
      0070  mov r13, [rdx+0x18]
      0074  sub rdi, r13
      0077  mov edi, [r8+rdi*1]
      007b  add rdi, [rax]
      007e  add rcx, 0xffffffffffffffe8
      0082  mov [r15+0x28], rcx
      0086  mov [r15+0x10], rsi
      008a  mov rbx, [rcx+0x08]
      008e  mov rax, [rsi+0x10]
      0092  cmp rax, [r15+0x18]
      0096  jz 0x00ba
      009c  mov [r15+0x18], rax
      00a0  mov rcx, [rax+0x110]
      00a7  mov [r15+0x20], rcx
      00ab  xor r14d, r14d
      00ae  test rcx, rcx
      00b1  jz 0x00ba
      00b7  mov r14, [rcx]
      00ba  jmp rdi
out of line (hand-overs):
      00bc  lea rax, [r13+0x1C]  ; hand over at @7
      00c0  jmp 0x0019
      00c5  lea rax, [r13+0x14]  ; hand over at @5
      00c9  jmp 0x0019
data: 2 bytes (branch tables, padding)

func 1: params=1 locals=1 results=1 frame=5
216 bytes of machine code, 1 of them data; 3 of 3 IR instructions compiled
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
   0: op_i64_mul_ssi s1 s0 I0x3
      0028  mov rax, [rbx]
      002b  imul rax, rax, 0x03
      002f  mov [rbx+0x08], rax
   6: op_i64_add_sss s0 s1 s0
      0033  add rax, [rbx]
      0036  mov [rbx], rax
  11: op_return
      0039  mov rcx, [r15+0x28]
      003d  mov rsi, [rcx-0x08]
      0041  mov rdi, [rcx-0x18]
      0045  test rsi, rsi
      0048  jz 0x00ce
      004e  test dil, 0x01
      0052  jnz 0x00ce
      0058  mov rdx, [rsi+0x70]
      005c  mov rax, [rdx+0xD8]
      0063  test rax, rax
      0066  jz 0x00ce
      006c  mov r8, [rax+0x28]
      0070  test r8, r8
      0073  jz 0x00ce
      0079  mov r13, [rdx+0x18]
      007d  sub rdi, r13
      0080  mov edi, [r8+rdi*1]
      0084  add rdi, [rax]
      0087  add rcx, 0xffffffffffffffe8
      008b  mov [r15+0x28], rcx
      008f  mov [r15+0x10], rsi
      0093  mov rbx, [rcx+0x08]
      0097  mov rax, [rsi+0x10]
      009b  cmp rax, [r15+0x18]
      009f  jz 0x00c3
      00a5  mov [r15+0x18], rax
      00a9  mov rcx, [rax+0x110]
      00b0  mov [r15+0x20], rcx
      00b4  xor r14d, r14d
      00b7  test rcx, rcx
      00ba  jz 0x00c3
      00c0  mov r14, [rcx]
      00c3  jmp rdi
out of line (hand-overs):
      00c5  lea rax, [r13+0x34]  ; hand over at @13
      00c9  jmp 0x0019
      00ce  lea rax, [r13+0x2C]  ; hand over at @11
      00d2  jmp 0x0019
data: 1 bytes (branch tables, padding)

func 2: params=2 locals=0 results=1 frame=5
264 bytes of machine code, 2 of them data; 2 of 2 IR instructions compiled
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
   0: op_i32_div_s_sss s0 s0 s1
      0028  mov eax, [rbx]
      002a  mov ecx, [rbx+0x08]
      002d  test ecx, ecx
      002f  jz 0x00eb
      0035  cmp ecx, 0xFFFFFFFF
      0038  jnz 0x0050
      003e  cmp eax, 0x80000000
      0043  jz 0x00f4
      0049  neg eax
      004b  jmp 0x0053
      0050  cdq
      0051  idiv ecx
      0053  mov [rbx], rax
   5: op_return
      0056  mov rcx, [r15+0x28]
      005a  mov rsi, [rcx-0x08]
      005e  mov rdi, [rcx-0x18]
      0062  test rsi, rsi
      0065  jz 0x00fd
      006b  test dil, 0x01
      006f  jnz 0x00fd
      0075  mov rdx, [rsi+0x70]
      0079  mov rax, [rdx+0xD8]
      0080  test rax, rax
      0083  jz 0x00fd
      0089  mov r8, [rax+0x28]
      008d  test r8, r8
      0090  jz 0x00fd
      0096  mov r13, [rdx+0x18]
      009a  sub rdi, r13
      009d  mov edi, [r8+rdi*1]
      00a1  add rdi, [rax]
      00a4  add rcx, 0xffffffffffffffe8
      00a8  mov [r15+0x28], rcx
      00ac  mov [r15+0x10], rsi
      00b0  mov rbx, [rcx+0x08]
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
      00e6  jmp 0x0019
      00eb  lea rax, [r13]  ; hand over at @0
      00ef  jmp 0x0019
      00f4  lea rax, [r13]  ; hand over at @0
      00f8  jmp 0x0019
      00fd  lea rax, [r13+0x14]  ; hand over at @5
      0101  jmp 0x0019
data: 2 bytes (branch tables, padding)

func 3: params=3 locals=0 results=1 frame=6
236 bytes of machine code, 2 of them data; 3 of 3 IR instructions compiled
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
   0: op_f64_mul_sss s3 s0 s1
      0028  movsd xmm0, qword ptr [rbx]
      002c  movsd xmm1, qword ptr [rbx+0x08]
      0031  mulsd xmm0, xmm1
      0035  movsd [rbx+0x18], xmm0
   5: op_f64_add_sss s0 s3 s2
      003a  movsd xmm0, qword ptr [rbx+0x18]
      003f  movsd xmm1, qword ptr [rbx+0x10]
      0044  addsd xmm0, xmm1
      0048  movsd [rbx], xmm0
  10: op_return
      004c  mov rcx, [r15+0x28]
      0050  mov rsi, [rcx-0x08]
      0054  mov rdi, [rcx-0x18]
      0058  test rsi, rsi
      005b  jz 0x00e1
      0061  test dil, 0x01
      0065  jnz 0x00e1
      006b  mov rdx, [rsi+0x70]
      006f  mov rax, [rdx+0xD8]
      0076  test rax, rax
      0079  jz 0x00e1
      007f  mov r8, [rax+0x28]
      0083  test r8, r8
      0086  jz 0x00e1
      008c  mov r13, [rdx+0x18]
      0090  sub rdi, r13
      0093  mov edi, [r8+rdi*1]
      0097  add rdi, [rax]
      009a  add rcx, 0xffffffffffffffe8
      009e  mov [r15+0x28], rcx
      00a2  mov [r15+0x10], rsi
      00a6  mov rbx, [rcx+0x08]
      00aa  mov rax, [rsi+0x10]
      00ae  cmp rax, [r15+0x18]
      00b2  jz 0x00d6
      00b8  mov [r15+0x18], rax
      00bc  mov rcx, [rax+0x110]
      00c3  mov [r15+0x20], rcx
      00c7  xor r14d, r14d
      00ca  test rcx, rcx
      00cd  jz 0x00d6
      00d3  mov r14, [rcx]
      00d6  jmp rdi
out of line (hand-overs):
      00d8  lea rax, [r13+0x30]  ; hand over at @12
      00dc  jmp 0x0019
      00e1  lea rax, [r13+0x28]  ; hand over at @10
      00e5  jmp 0x0019
data: 2 bytes (branch tables, padding)

func 4: params=1 locals=0 results=1 frame=3
228 bytes of machine code, 3 of them data; 2 of 2 IR instructions compiled
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
   0: op_i32_trunc_f32_s_ss s0 s0
      0028  cvttss2si eax, [rbx]
      002c  cmp eax, 0x80000000
      0031  jz 0x00cf
      0037  mov [rbx], rax
   4: op_return
      003a  mov rcx, [r15+0x28]
      003e  mov rsi, [rcx-0x08]
      0042  mov rdi, [rcx-0x18]
      0046  test rsi, rsi
      0049  jz 0x00d8
      004f  test dil, 0x01
      0053  jnz 0x00d8
      0059  mov rdx, [rsi+0x70]
      005d  mov rax, [rdx+0xD8]
      0064  test rax, rax
      0067  jz 0x00d8
      006d  mov r8, [rax+0x28]
      0071  test r8, r8
      0074  jz 0x00d8
      007a  mov r13, [rdx+0x18]
      007e  sub rdi, r13
      0081  mov edi, [r8+rdi*1]
      0085  add rdi, [rax]
      0088  add rcx, 0xffffffffffffffe8
      008c  mov [r15+0x28], rcx
      0090  mov [r15+0x10], rsi
      0094  mov rbx, [rcx+0x08]
      0098  mov rax, [rsi+0x10]
      009c  cmp rax, [r15+0x18]
      00a0  jz 0x00c4
      00a6  mov [r15+0x18], rax
      00aa  mov rcx, [rax+0x110]
      00b1  mov [r15+0x20], rcx
      00b5  xor r14d, r14d
      00b8  test rcx, rcx
      00bb  jz 0x00c4
      00c1  mov r14, [rcx]
      00c4  jmp rdi
out of line (hand-overs):
      00c6  lea rax, [r13+0x18]  ; hand over at @6
      00ca  jmp 0x0019
      00cf  lea rax, [r13]  ; hand over at @0
      00d3  jmp 0x0019
      00d8  lea rax, [r13+0x10]  ; hand over at @4
      00dc  jmp 0x0019
data: 3 bytes (branch tables, padding)

