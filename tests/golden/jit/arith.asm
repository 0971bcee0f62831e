func 0: params=2 locals=0 results=1 frame=5
124 bytes of machine code, 3 of them data; 2 of 2 IR instructions compiled
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
      0030  mov rdi, r15
      0033  mov rax, <return_compiled>
      003d  call rax
      003f  test rax, rax
      0042  jz 0x0073
      0048  mov rcx, [r15+0x28]
      004c  mov rbx, [rcx+0x08]
      0050  mov r13, rdx
      0053  mov rcx, [r15+0x20]
      0057  test rcx, rcx
      005a  jz 0x0068
      0060  mov r14, [rcx]
      0063  jmp 0x006b
      0068  xor r14d, r14d
      006b  jmp rax
out of line (hand-overs):
      006d  lea rax, [r13+0x1C]  ; hand over at @7
      0071  jmp 0x0019
      0073  lea rax, [r13+0x14]  ; hand over at @5
      0077  jmp 0x0019
data: 3 bytes (branch tables, padding)

func 1: params=1 locals=1 results=1 frame=5
132 bytes of machine code, 2 of them data; 3 of 3 IR instructions compiled
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
      0039  mov rdi, r15
      003c  mov rax, <return_compiled>
      0046  call rax
      0048  test rax, rax
      004b  jz 0x007c
      0051  mov rcx, [r15+0x28]
      0055  mov rbx, [rcx+0x08]
      0059  mov r13, rdx
      005c  mov rcx, [r15+0x20]
      0060  test rcx, rcx
      0063  jz 0x0071
      0069  mov r14, [rcx]
      006c  jmp 0x0074
      0071  xor r14d, r14d
      0074  jmp rax
out of line (hand-overs):
      0076  lea rax, [r13+0x34]  ; hand over at @13
      007a  jmp 0x0019
      007c  lea rax, [r13+0x2C]  ; hand over at @11
      0080  jmp 0x0019
data: 2 bytes (branch tables, padding)

func 2: params=2 locals=0 results=1 frame=5
180 bytes of machine code, 0 of them data; 2 of 2 IR instructions compiled
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
      002f  jz 0x0099
      0035  cmp ecx, 0xFFFFFFFF
      0038  jnz 0x0050
      003e  cmp eax, 0x80000000
      0043  jz 0x00a2
      0049  neg eax
      004b  jmp 0x0053
      0050  cdq
      0051  idiv ecx
      0053  mov [rbx], rax
   5: op_return
      0056  mov rdi, r15
      0059  mov rax, <return_compiled>
      0063  call rax
      0065  test rax, rax
      0068  jz 0x00ab
      006e  mov rcx, [r15+0x28]
      0072  mov rbx, [rcx+0x08]
      0076  mov r13, rdx
      0079  mov rcx, [r15+0x20]
      007d  test rcx, rcx
      0080  jz 0x008e
      0086  mov r14, [rcx]
      0089  jmp 0x0091
      008e  xor r14d, r14d
      0091  jmp rax
out of line (hand-overs):
      0093  lea rax, [r13+0x1C]  ; hand over at @7
      0097  jmp 0x0019
      0099  lea rax, [r13]  ; hand over at @0
      009d  jmp 0x0019
      00a2  lea rax, [r13]  ; hand over at @0
      00a6  jmp 0x0019
      00ab  lea rax, [r13+0x14]  ; hand over at @5
      00af  jmp 0x0019

func 3: params=3 locals=0 results=1 frame=6
152 bytes of machine code, 3 of them data; 3 of 3 IR instructions compiled
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
      004c  mov rdi, r15
      004f  mov rax, <return_compiled>
      0059  call rax
      005b  test rax, rax
      005e  jz 0x008f
      0064  mov rcx, [r15+0x28]
      0068  mov rbx, [rcx+0x08]
      006c  mov r13, rdx
      006f  mov rcx, [r15+0x20]
      0073  test rcx, rcx
      0076  jz 0x0084
      007c  mov r14, [rcx]
      007f  jmp 0x0087
      0084  xor r14d, r14d
      0087  jmp rax
out of line (hand-overs):
      0089  lea rax, [r13+0x30]  ; hand over at @12
      008d  jmp 0x0019
      008f  lea rax, [r13+0x28]  ; hand over at @10
      0093  jmp 0x0019
data: 3 bytes (branch tables, padding)

func 4: params=1 locals=0 results=1 frame=3
140 bytes of machine code, 3 of them data; 2 of 2 IR instructions compiled
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
      0031  jz 0x007d
      0037  mov [rbx], rax
   4: op_return
      003a  mov rdi, r15
      003d  mov rax, <return_compiled>
      0047  call rax
      0049  test rax, rax
      004c  jz 0x0083
      0052  mov rcx, [r15+0x28]
      0056  mov rbx, [rcx+0x08]
      005a  mov r13, rdx
      005d  mov rcx, [r15+0x20]
      0061  test rcx, rcx
      0064  jz 0x0072
      006a  mov r14, [rcx]
      006d  jmp 0x0075
      0072  xor r14d, r14d
      0075  jmp rax
out of line (hand-overs):
      0077  lea rax, [r13+0x18]  ; hand over at @6
      007b  jmp 0x0019
      007d  lea rax, [r13]  ; hand over at @0
      0081  jmp 0x0019
      0083  lea rax, [r13+0x10]  ; hand over at @4
      0087  jmp 0x0019
data: 3 bytes (branch tables, padding)

