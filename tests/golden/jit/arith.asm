func 0: params=2 locals=0 results=1 frame=5
128 bytes of machine code, 1 of them data; 2 of 2 IR instructions compiled
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
      0036  mov rdi, r15
      0039  mov rax, <return_compiled>
      0043  call rax
      0045  test rax, rax
      0048  jz 0x0079
      004e  mov rcx, [r15+0x28]
      0052  mov rbx, [rcx+0x08]
      0056  mov r13, rdx
      0059  mov rcx, [r15+0x20]
      005d  test rcx, rcx
      0060  jz 0x006e
      0066  mov r14, [rcx]
      0069  jmp 0x0071
      006e  xor r14d, r14d
      0071  jmp rax
out of line (hand-overs):
      0073  lea rax, [r13+0x1C]  ; hand over at @7
      0077  jmp 0x001c
      0079  lea rax, [r13+0x14]  ; hand over at @5
      007d  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 1: params=1 locals=1 results=1 frame=5
136 bytes of machine code, 0 of them data; 3 of 3 IR instructions compiled
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
      003f  mov rdi, r15
      0042  mov rax, <return_compiled>
      004c  call rax
      004e  test rax, rax
      0051  jz 0x0082
      0057  mov rcx, [r15+0x28]
      005b  mov rbx, [rcx+0x08]
      005f  mov r13, rdx
      0062  mov rcx, [r15+0x20]
      0066  test rcx, rcx
      0069  jz 0x0077
      006f  mov r14, [rcx]
      0072  jmp 0x007a
      0077  xor r14d, r14d
      007a  jmp rax
out of line (hand-overs):
      007c  lea rax, [r13+0x34]  ; hand over at @13
      0080  jmp 0x001c
      0082  lea rax, [r13+0x2C]  ; hand over at @11
      0086  jmp 0x001c

func 2: params=2 locals=0 results=1 frame=5
192 bytes of machine code, 3 of them data; 2 of 2 IR instructions compiled
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
      0035  jz 0x00a2
      003b  cmp ecx, 0xFFFFFFFF
      003e  jnz 0x0056
      0044  cmp eax, 0x80000000
      0049  jz 0x00ab
      004f  neg eax
      0051  jmp 0x0059
      0056  cdq
      0057  idiv ecx
      0059  mov [rbx], rax
   5: op_return
      005c  mov rdi, r15
      005f  mov rax, <return_compiled>
      0069  call rax
      006b  test rax, rax
      006e  jz 0x00b4
      0074  mov rcx, [r15+0x28]
      0078  mov rbx, [rcx+0x08]
      007c  mov r13, rdx
      007f  mov rcx, [r15+0x20]
      0083  test rcx, rcx
      0086  jz 0x0094
      008c  mov r14, [rcx]
      008f  jmp 0x0097
      0094  xor r14d, r14d
      0097  jmp rax
out of line (hand-overs):
      0099  lea rax, [r13+0x1C]  ; hand over at @7
      009d  jmp 0x001c
      00a2  lea rax, [r13]  ; hand over at @0
      00a6  jmp 0x001c
      00ab  lea rax, [r13]  ; hand over at @0
      00af  jmp 0x001c
      00b4  lea rax, [r13+0x14]  ; hand over at @5
      00b8  jmp 0x001c
data: 3 bytes (branch tables, padding)

func 3: params=3 locals=0 results=1 frame=6
148 bytes of machine code, 1 of them data; 3 of 3 IR instructions compiled
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
      004a  mov rdi, r15
      004d  mov rax, <return_compiled>
      0057  call rax
      0059  test rax, rax
      005c  jz 0x008d
      0062  mov rcx, [r15+0x28]
      0066  mov rbx, [rcx+0x08]
      006a  mov r13, rdx
      006d  mov rcx, [r15+0x20]
      0071  test rcx, rcx
      0074  jz 0x0082
      007a  mov r14, [rcx]
      007d  jmp 0x0085
      0082  xor r14d, r14d
      0085  jmp rax
out of line (hand-overs):
      0087  lea rax, [r13+0x30]  ; hand over at @12
      008b  jmp 0x001c
      008d  lea rax, [r13+0x28]  ; hand over at @10
      0091  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 4: params=1 locals=0 results=1 frame=3
144 bytes of machine code, 1 of them data; 2 of 2 IR instructions compiled
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
      0037  jz 0x0083
      003d  mov [rbx], rax
   4: op_return
      0040  mov rdi, r15
      0043  mov rax, <return_compiled>
      004d  call rax
      004f  test rax, rax
      0052  jz 0x0089
      0058  mov rcx, [r15+0x28]
      005c  mov rbx, [rcx+0x08]
      0060  mov r13, rdx
      0063  mov rcx, [r15+0x20]
      0067  test rcx, rcx
      006a  jz 0x0078
      0070  mov r14, [rcx]
      0073  jmp 0x007b
      0078  xor r14d, r14d
      007b  jmp rax
out of line (hand-overs):
      007d  lea rax, [r13+0x18]  ; hand over at @6
      0081  jmp 0x001c
      0083  lea rax, [r13]  ; hand over at @0
      0087  jmp 0x001c
      0089  lea rax, [r13+0x10]  ; hand over at @4
      008d  jmp 0x001c
data: 1 bytes (branch tables, padding)

