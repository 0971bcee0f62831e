func 0: params=1 locals=1 results=1 frame=5
152 bytes of machine code, 2 of them data; 6 of 6 IR instructions compiled
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
   0: op_br_if_i32_eq_sib s0 i0x0 @18
      0028  mov eax, [rbx]
      002a  cmp eax, 0x00
      002d  jz 0x0046
   5: op_i32_add_sss s1 s1 s0
      0033  mov eax, [rbx+0x08]
      0036  add eax, [rbx]
      0038  mov [rbx+0x08], rax
  10: op_i32_sub_ssi s0 s0 i0x1
      003c  mov eax, [rbx]
      003e  sub eax, 0x01
      0041  mov [rbx], rax
  15: op_br_b @0
      0044  jmp 0x0028
  18: op_copy_ss s0 s1
      0046  mov rax, [rbx+0x08]
      004a  mov [rbx], rax
  22: op_return
      004d  mov rdi, r15
      0050  mov rax, <return_compiled>
      005a  call rax
      005c  test rax, rax
      005f  jz 0x0090
      0065  mov rcx, [r15+0x28]
      0069  mov rbx, [rcx+0x08]
      006d  mov r13, rdx
      0070  mov rcx, [r15+0x20]
      0074  test rcx, rcx
      0077  jz 0x0085
      007d  mov r14, [rcx]
      0080  jmp 0x0088
      0085  xor r14d, r14d
      0088  jmp rax
out of line (hand-overs):
      008a  lea rax, [r13+0x60]  ; hand over at @24
      008e  jmp 0x0019
      0090  lea rax, [r13+0x58]  ; hand over at @22
      0094  jmp 0x0019
data: 2 bytes (branch tables, padding)

func 1: params=1 locals=0 results=1 frame=3
324 bytes of machine code, 13 of them data; 7 of 7 IR instructions compiled
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
   0: op_br_table_sT s0 [@7 @13 @19]
      0028  mov eax, [rbx]
      002a  mov ecx, 0x02
      002f  cmp eax, ecx
      0031  cmovnbe eax, ecx
      0034  lea rcx, [0x0138]
      003b  movsxd rax, dword ptr [rcx+rax*4]
      003f  add rax, rcx
      0042  jmp rax
   7: op_const32_si s0 i0xa
      0044  mov eax, 0x0A
      0049  mov [rbx], rax
  11: op_return
      004c  mov rdi, r15
      004f  mov rax, <return_compiled>
      0059  call rax
      005b  test rax, rax
      005e  jz 0x011c
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
  13: op_const32_si s0 i0x14
      0089  mov eax, 0x14
      008e  mov [rbx], rax
  17: op_return
      0091  mov rdi, r15
      0094  mov rax, <return_compiled>
      009e  call rax
      00a0  test rax, rax
      00a3  jz 0x0125
      00a9  mov rcx, [r15+0x28]
      00ad  mov rbx, [rcx+0x08]
      00b1  mov r13, rdx
      00b4  mov rcx, [r15+0x20]
      00b8  test rcx, rcx
      00bb  jz 0x00c9
      00c1  mov r14, [rcx]
      00c4  jmp 0x00cc
      00c9  xor r14d, r14d
      00cc  jmp rax
  19: op_const32_si s0 i0x1e
      00ce  mov eax, 0x1E
      00d3  mov [rbx], rax
  23: op_return
      00d6  mov rdi, r15
      00d9  mov rax, <return_compiled>
      00e3  call rax
      00e5  test rax, rax
      00e8  jz 0x012e
      00ee  mov rcx, [r15+0x28]
      00f2  mov rbx, [rcx+0x08]
      00f6  mov r13, rdx
      00f9  mov rcx, [r15+0x20]
      00fd  test rcx, rcx
      0100  jz 0x010e
      0106  mov r14, [rcx]
      0109  jmp 0x0111
      010e  xor r14d, r14d
      0111  jmp rax
out of line (hand-overs):
      0113  lea rax, [r13+0x64]  ; hand over at @25
      0117  jmp 0x0019
      011c  lea rax, [r13+0x2C]  ; hand over at @11
      0120  jmp 0x0019
      0125  lea rax, [r13+0x44]  ; hand over at @17
      0129  jmp 0x0019
      012e  lea rax, [r13+0x5C]  ; hand over at @23
      0132  jmp 0x0019
data: 13 bytes (branch tables, padding)

func 2: params=1 locals=0 results=1 frame=3
216 bytes of machine code, 1 of them data; 4 of 4 IR instructions compiled
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
   0: op_copy_ss s1 s0
      0028  mov rax, [rbx]
      002b  mov [rbx+0x08], rax
   4: op_call_xs #0 s1
      002f  mov rdi, r15
      0032  mov esi, 0x00
      0037  lea rdx, [rbx+0x08]
      003b  lea rcx, [r13+0x20]
      003f  mov r8, rbx
      0042  mov rax, <call_direct>
      004c  call rax
      004e  test rax, rax
      0051  jz 0x00c5
      0057  lea rbx, [rbx+0x08]
      005b  mov r13, rdx
      005e  mov rcx, [r15+0x20]
      0062  test rcx, rcx
      0065  jz 0x0073
      006b  mov r14, [rcx]
      006e  jmp 0x0076
      0073  xor r14d, r14d
      0076  jmp rax
   8: op_copy_ss s0 s1
      0078  mov rax, [rbx+0x08]
      007c  mov [rbx], rax
  12: op_return
      007f  mov rdi, r15
      0082  mov rax, <return_compiled>
      008c  call rax
      008e  test rax, rax
      0091  jz 0x00ce
      0097  mov rcx, [r15+0x28]
      009b  mov rbx, [rcx+0x08]
      009f  mov r13, rdx
      00a2  mov rcx, [r15+0x20]
      00a6  test rcx, rcx
      00a9  jz 0x00b7
      00af  mov r14, [rcx]
      00b2  jmp 0x00ba
      00b7  xor r14d, r14d
      00ba  jmp rax
out of line (hand-overs):
      00bc  lea rax, [r13+0x38]  ; hand over at @14
      00c0  jmp 0x0019
      00c5  lea rax, [r13+0x10]  ; hand over at @4
      00c9  jmp 0x0019
      00ce  lea rax, [r13+0x30]  ; hand over at @12
      00d2  jmp 0x0019
data: 1 bytes (branch tables, padding)

func 3: params=0 locals=0 results=0 frame=3
172 bytes of machine code, 3 of them data; 4 of 4 IR instructions compiled
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
   0: op_global_get_sx s0 #0
      0028  mov rax, [r15+0x18]
      002c  mov rax, [rax+0x60]
      0030  mov rax, [rax]
      0033  mov rax, [rax+0x10]
      0037  mov [rbx], rax
   4: op_i32_add_ssi s0 s0 i0x1
      003a  add eax, 0x01
      003d  mov [rbx], rax
   9: op_global_set_xs #0 s0
      0040  mov rax, [r15+0x18]
      0044  mov rax, [rax+0x60]
      0048  mov rax, [rax]
      004b  mov rcx, [rbx]
      004e  mov [rax+0x10], rcx
      0052  mov qword ptr [rax+0x18], 0x00
  13: op_return
      005a  mov rdi, r15
      005d  mov rax, <return_compiled>
      0067  call rax
      0069  test rax, rax
      006c  jz 0x00a0
      0072  mov rcx, [r15+0x28]
      0076  mov rbx, [rcx+0x08]
      007a  mov r13, rdx
      007d  mov rcx, [r15+0x20]
      0081  test rcx, rcx
      0084  jz 0x0092
      008a  mov r14, [rcx]
      008d  jmp 0x0095
      0092  xor r14d, r14d
      0095  jmp rax
out of line (hand-overs):
      0097  lea rax, [r13+0x3C]  ; hand over at @15
      009b  jmp 0x0019
      00a0  lea rax, [r13+0x34]  ; hand over at @13
      00a4  jmp 0x0019
data: 3 bytes (branch tables, padding)

func 4: params=1 locals=0 results=0 frame=5
140 bytes of machine code, 0 of them data; 4 of 4 IR instructions compiled
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
   0: op_i32_load_sso s2 s0 +0
      0028  mov eax, [rbx]
      002a  mov eax, [r14+rax*1]
      002e  mov [rbx+0x10], rax
   5: op_i32_add_ssi s2 s2 i0x1
      0032  add eax, 0x01
      0035  mov [rbx+0x10], rax
  10: op_i32_store_sso s0 s2 +4
      0039  mov edx, [rbx+0x10]
      003c  mov eax, [rbx]
      003e  mov [r14+rax*1+0x04], edx
  15: op_return
      0043  mov rdi, r15
      0046  mov rax, <return_compiled>
      0050  call rax
      0052  test rax, rax
      0055  jz 0x0086
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
out of line (hand-overs):
      0080  lea rax, [r13+0x44]  ; hand over at @17
      0084  jmp 0x0019
      0086  lea rax, [r13+0x3C]  ; hand over at @15
      008a  jmp 0x0019

