func 0: params=1 locals=1 results=1 frame=5
176 bytes of machine code, 2 of them data; 6 of 6 IR instructions compiled
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
   0: op_br_if_i32_eq_sib s0 i0x0 @18
      002e  cmp ebp, 0x00
      0031  jz 0x0046
   5: op_i32_add_sss s1 s1 s0
      0037  add r12d, ebp
      003a  mov [rbx+0x08], r12
  10: op_i32_sub_ssi s0 s0 i0x1
      003e  sub ebp, 0x01
      0041  mov [rbx], rbp
  15: op_br_b @0
      0044  jmp 0x002e
  18: op_copy_ss s0 s1
      0046  mov rax, r12
      0049  mov [rbx], rax
      004c  mov rbp, rax
  22: op_return
      004f  mov rdi, r15
      0052  mov rax, <return_compiled>
      005c  call rax
      005e  test rax, rax
      0061  jz 0x0099
      0067  mov rcx, [r15+0x28]
      006b  mov rbx, [rcx+0x08]
      006f  mov r13, rdx
      0072  mov rcx, [r15+0x20]
      0076  test rcx, rcx
      0079  jz 0x0087
      007f  mov r14, [rcx]
      0082  jmp 0x008a
      0087  xor r14d, r14d
      008a  jmp rax
      008c  mov rbp, [rbx]
      008f  mov r12, [rbx+0x08]
out of line (hand-overs):
      0093  lea rax, [r13+0x60]  ; hand over at @24
      0097  jmp 0x001c
      0099  lea rax, [r13+0x58]  ; hand over at @22
      009d  jmp 0x001c
      00a2  mov rbp, [rbx]
      00a5  mov r12, [rbx+0x08]
      00a9  jmp 0x002e
data: 2 bytes (branch tables, padding)

func 1: params=1 locals=0 results=1 frame=3
372 bytes of machine code, 13 of them data; 7 of 7 IR instructions compiled
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
   0: op_br_table_sT s0 [@7 @13 @19]
      002e  mov eax, ebp
      0030  mov ecx, 0x02
      0035  cmp eax, ecx
      0037  cmovnbe eax, ecx
      003a  lea rcx, [0x0168]
      0041  movsxd rax, dword ptr [rcx+rax*4]
      0045  add rax, rcx
      0048  jmp rax
   7: op_const32_si s0 i0xa
      004a  mov eax, 0x0A
      004f  mov [rbx], rax
      0052  mov rbp, rax
  11: op_return
      0055  mov rdi, r15
      0058  mov rax, <return_compiled>
      0062  call rax
      0064  test rax, rax
      0067  jz 0x0134
      006d  mov rcx, [r15+0x28]
      0071  mov rbx, [rcx+0x08]
      0075  mov r13, rdx
      0078  mov rcx, [r15+0x20]
      007c  test rcx, rcx
      007f  jz 0x008d
      0085  mov r14, [rcx]
      0088  jmp 0x0090
      008d  xor r14d, r14d
      0090  jmp rax
      0092  mov rbp, [rbx]
  13: op_const32_si s0 i0x14
      0095  mov eax, 0x14
      009a  mov [rbx], rax
      009d  mov rbp, rax
  17: op_return
      00a0  mov rdi, r15
      00a3  mov rax, <return_compiled>
      00ad  call rax
      00af  test rax, rax
      00b2  jz 0x013d
      00b8  mov rcx, [r15+0x28]
      00bc  mov rbx, [rcx+0x08]
      00c0  mov r13, rdx
      00c3  mov rcx, [r15+0x20]
      00c7  test rcx, rcx
      00ca  jz 0x00d8
      00d0  mov r14, [rcx]
      00d3  jmp 0x00db
      00d8  xor r14d, r14d
      00db  jmp rax
      00dd  mov rbp, [rbx]
  19: op_const32_si s0 i0x1e
      00e0  mov eax, 0x1E
      00e5  mov [rbx], rax
      00e8  mov rbp, rax
  23: op_return
      00eb  mov rdi, r15
      00ee  mov rax, <return_compiled>
      00f8  call rax
      00fa  test rax, rax
      00fd  jz 0x0146
      0103  mov rcx, [r15+0x28]
      0107  mov rbx, [rcx+0x08]
      010b  mov r13, rdx
      010e  mov rcx, [r15+0x20]
      0112  test rcx, rcx
      0115  jz 0x0123
      011b  mov r14, [rcx]
      011e  jmp 0x0126
      0123  xor r14d, r14d
      0126  jmp rax
      0128  mov rbp, [rbx]
out of line (hand-overs):
      012b  lea rax, [r13+0x64]  ; hand over at @25
      012f  jmp 0x001c
      0134  lea rax, [r13+0x2C]  ; hand over at @11
      0138  jmp 0x001c
      013d  lea rax, [r13+0x44]  ; hand over at @17
      0141  jmp 0x001c
      0146  lea rax, [r13+0x5C]  ; hand over at @23
      014a  jmp 0x001c
      014f  mov rbp, [rbx]
      0152  jmp 0x002e
      0157  mov rbp, [rbx]
      015a  jmp 0x0095
      015f  mov rbp, [rbx]
      0162  jmp 0x00e0
data: 13 bytes (branch tables, padding)

func 2: params=1 locals=0 results=1 frame=3
224 bytes of machine code, 3 of them data; 4 of 4 IR instructions compiled
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
   0: op_copy_ss s1 s0
      002e  mov rax, [rbx]
      0031  mov [rbx+0x08], rax
   4: op_call_xs #0 s1
      0035  mov rdi, r15
      0038  mov esi, 0x00
      003d  lea rdx, [rbx+0x08]
      0041  lea rcx, [r13+0x20]
      0045  mov r8, rbx
      0048  mov rax, <call_direct>
      0052  call rax
      0054  test rax, rax
      0057  jz 0x00cb
      005d  lea rbx, [rbx+0x08]
      0061  mov r13, rdx
      0064  mov rcx, [r15+0x20]
      0068  test rcx, rcx
      006b  jz 0x0079
      0071  mov r14, [rcx]
      0074  jmp 0x007c
      0079  xor r14d, r14d
      007c  jmp rax
   8: op_copy_ss s0 s1
      007e  mov rax, [rbx+0x08]
      0082  mov [rbx], rax
  12: op_return
      0085  mov rdi, r15
      0088  mov rax, <return_compiled>
      0092  call rax
      0094  test rax, rax
      0097  jz 0x00d4
      009d  mov rcx, [r15+0x28]
      00a1  mov rbx, [rcx+0x08]
      00a5  mov r13, rdx
      00a8  mov rcx, [r15+0x20]
      00ac  test rcx, rcx
      00af  jz 0x00bd
      00b5  mov r14, [rcx]
      00b8  jmp 0x00c0
      00bd  xor r14d, r14d
      00c0  jmp rax
out of line (hand-overs):
      00c2  lea rax, [r13+0x38]  ; hand over at @14
      00c6  jmp 0x001c
      00cb  lea rax, [r13+0x10]  ; hand over at @4
      00cf  jmp 0x001c
      00d4  lea rax, [r13+0x30]  ; hand over at @12
      00d8  jmp 0x001c
data: 3 bytes (branch tables, padding)

func 3: params=0 locals=0 results=0 frame=3
192 bytes of machine code, 1 of them data; 4 of 4 IR instructions compiled
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
   0: op_global_get_sx s0 #0
      002e  mov rdi, r15
      0031  mov esi, 0x00
      0036  mov rax, <global_get>
      0040  call rax
      0042  mov [rbx], rax
      0045  mov rbp, rax
   4: op_i32_add_ssi s0 s0 i0x1
      0048  add ebp, 0x01
      004b  mov [rbx], rbp
   9: op_global_set_xs #0 s0
      004e  mov rdi, r15
      0051  mov esi, 0x00
      0056  mov rdx, [rbx]
      0059  mov rax, <global_set>
      0063  call rax
  13: op_return
      0065  mov rdi, r15
      0068  mov rax, <return_compiled>
      0072  call rax
      0074  test rax, rax
      0077  jz 0x00ae
      007d  mov rcx, [r15+0x28]
      0081  mov rbx, [rcx+0x08]
      0085  mov r13, rdx
      0088  mov rcx, [r15+0x20]
      008c  test rcx, rcx
      008f  jz 0x009d
      0095  mov r14, [rcx]
      0098  jmp 0x00a0
      009d  xor r14d, r14d
      00a0  jmp rax
      00a2  mov rbp, [rbx]
out of line (hand-overs):
      00a5  lea rax, [r13+0x3C]  ; hand over at @15
      00a9  jmp 0x001c
      00ae  lea rax, [r13+0x34]  ; hand over at @13
      00b2  jmp 0x001c
      00b7  mov rbp, [rbx]
      00ba  jmp 0x002e
data: 1 bytes (branch tables, padding)

func 4: params=1 locals=0 results=0 frame=5
164 bytes of machine code, 0 of them data; 4 of 4 IR instructions compiled
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
   0: op_i32_load_sso s2 s0 +0
      002e  mov eax, r12d
      0031  mov ebp, [r14+rax*1]
      0035  mov [rbx+0x10], rbp
   5: op_i32_add_ssi s2 s2 i0x1
      0039  add ebp, 0x01
      003c  mov [rbx+0x10], rbp
  10: op_i32_store_sso s0 s2 +4
      0040  mov eax, r12d
      0043  mov [r14+rax*1+0x04], ebp
  15: op_return
      0048  mov rdi, r15
      004b  mov rax, <return_compiled>
      0055  call rax
      0057  test rax, rax
      005a  jz 0x0092
      0060  mov rcx, [r15+0x28]
      0064  mov rbx, [rcx+0x08]
      0068  mov r13, rdx
      006b  mov rcx, [r15+0x20]
      006f  test rcx, rcx
      0072  jz 0x0080
      0078  mov r14, [rcx]
      007b  jmp 0x0083
      0080  xor r14d, r14d
      0083  jmp rax
      0085  mov rbp, [rbx+0x10]
      0089  mov r12, [rbx]
out of line (hand-overs):
      008c  lea rax, [r13+0x44]  ; hand over at @17
      0090  jmp 0x001c
      0092  lea rax, [r13+0x3C]  ; hand over at @15
      0096  jmp 0x001c
      0098  mov rbp, [rbx+0x10]
      009c  mov r12, [rbx]
      009f  jmp 0x002e

