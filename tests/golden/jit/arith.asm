func 0: params=2 locals=0 results=1 frame=5
136 bytes of machine code, 0 of them data; 2 of 2 IR instructions compiled
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
      002e  add ebp, [rbx+0x08]
      0031  mov [rbx], rbp
   5: op_return
      0034  mov rdi, r15
      0037  mov rax, <return_compiled>
      0041  call rax
      0043  test rax, rax
      0046  jz 0x007a
      004c  mov rcx, [r15+0x28]
      0050  mov rbx, [rcx+0x08]
      0054  mov r13, rdx
      0057  mov rcx, [r15+0x20]
      005b  test rcx, rcx
      005e  jz 0x006c
      0064  mov r14, [rcx]
      0067  jmp 0x006f
      006c  xor r14d, r14d
      006f  jmp rax
      0071  mov rbp, [rbx]
out of line (hand-overs):
      0074  lea rax, [r13+0x1C]  ; hand over at @7
      0078  jmp 0x001c
      007a  lea rax, [r13+0x14]  ; hand over at @5
      007e  jmp 0x001c
      0080  mov rbp, [rbx]
      0083  jmp 0x002e

func 1: params=1 locals=1 results=1 frame=5
164 bytes of machine code, 3 of them data; 3 of 3 IR instructions compiled
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
      002e  mov r12, rbp
      0031  imul r12, r12, 0x03
      0035  mov [rbx+0x08], r12
   6: op_i64_add_sss s0 s1 s0
      0039  mov rax, r12
      003c  add rax, rbp
      003f  mov [rbx], rax
      0042  mov rbp, rax
  11: op_return
      0045  mov rdi, r15
      0048  mov rax, <return_compiled>
      0052  call rax
      0054  test rax, rax
      0057  jz 0x008f
      005d  mov rcx, [r15+0x28]
      0061  mov rbx, [rcx+0x08]
      0065  mov r13, rdx
      0068  mov rcx, [r15+0x20]
      006c  test rcx, rcx
      006f  jz 0x007d
      0075  mov r14, [rcx]
      0078  jmp 0x0080
      007d  xor r14d, r14d
      0080  jmp rax
      0082  mov rbp, [rbx]
      0085  mov r12, [rbx+0x08]
out of line (hand-overs):
      0089  lea rax, [r13+0x34]  ; hand over at @13
      008d  jmp 0x001c
      008f  lea rax, [r13+0x2C]  ; hand over at @11
      0093  jmp 0x001c
      0095  mov rbp, [rbx]
      0098  mov r12, [rbx+0x08]
      009c  jmp 0x002e
data: 3 bytes (branch tables, padding)

func 2: params=2 locals=0 results=1 frame=5
212 bytes of machine code, 1 of them data; 2 of 2 IR instructions compiled
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
      002e  mov eax, ebp
      0030  mov ecx, [rbx+0x08]
      0033  test ecx, ecx
      0035  jz 0x00a8
      003b  cmp ecx, 0xFFFFFFFF
      003e  jnz 0x0056
      0044  cmp eax, 0x80000000
      0049  jz 0x00b1
      004f  neg eax
      0051  jmp 0x0059
      0056  cdq
      0057  idiv ecx
      0059  mov [rbx], rax
      005c  mov rbp, rax
   5: op_return
      005f  mov rdi, r15
      0062  mov rax, <return_compiled>
      006c  call rax
      006e  test rax, rax
      0071  jz 0x00ba
      0077  mov rcx, [r15+0x28]
      007b  mov rbx, [rcx+0x08]
      007f  mov r13, rdx
      0082  mov rcx, [r15+0x20]
      0086  test rcx, rcx
      0089  jz 0x0097
      008f  mov r14, [rcx]
      0092  jmp 0x009a
      0097  xor r14d, r14d
      009a  jmp rax
      009c  mov rbp, [rbx]
out of line (hand-overs):
      009f  lea rax, [r13+0x1C]  ; hand over at @7
      00a3  jmp 0x001c
      00a8  lea rax, [r13]  ; hand over at @0
      00ac  jmp 0x001c
      00b1  lea rax, [r13]  ; hand over at @0
      00b5  jmp 0x001c
      00ba  lea rax, [r13+0x14]  ; hand over at @5
      00be  jmp 0x001c
      00c3  mov rbp, [rbx]
      00c6  jmp 0x002e
      00cb  mov rbp, [rbx]
      00ce  jmp 0x005f
data: 1 bytes (branch tables, padding)

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
168 bytes of machine code, 3 of them data; 2 of 2 IR instructions compiled
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
      0037  jz 0x0089
      003d  mov [rbx], rax
      0040  mov rbp, rax
   4: op_return
      0043  mov rdi, r15
      0046  mov rax, <return_compiled>
      0050  call rax
      0052  test rax, rax
      0055  jz 0x008f
      005b  mov rcx, [r15+0x28]
      005f  mov rbx, [rcx+0x08]
      0063  mov r13, rdx
      0066  mov rcx, [r15+0x20]
      006a  test rcx, rcx
      006d  jz 0x007b
      0073  mov r14, [rcx]
      0076  jmp 0x007e
      007b  xor r14d, r14d
      007e  jmp rax
      0080  mov rbp, [rbx]
out of line (hand-overs):
      0083  lea rax, [r13+0x18]  ; hand over at @6
      0087  jmp 0x001c
      0089  lea rax, [r13]  ; hand over at @0
      008d  jmp 0x001c
      008f  lea rax, [r13+0x10]  ; hand over at @4
      0093  jmp 0x001c
      0095  mov rbp, [rbx]
      0098  jmp 0x002e
      009d  mov rbp, [rbx]
      00a0  jmp 0x0043
data: 3 bytes (branch tables, padding)

