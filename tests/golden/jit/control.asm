func 0: params=1 locals=1 results=1 frame=5
180 bytes of machine code, 3 of them data; 6 of 6 IR instructions compiled
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
      002e  mov rbp, [rbx]
      0031  mov r12, [rbx+0x08]
   0: op_br_if_i32_eq_sib s0 i0x0 @18
      0035  cmp ebp, 0x00
      0038  jz 0x0046
   5: op_i32_add_sss s1 s1 s0
      003e  add r12d, ebp
  10: op_i32_sub_ssi s0 s0 i0x1
      0041  sub ebp, 0x01
  15: op_br_b @0
      0044  jmp 0x0035
  18: op_copy_ss s0 s1
      0046  mov rax, r12
      0049  mov rbp, rax
  22: op_return
      004c  mov [rbx], rbp
      004f  mov rdi, r15
      0052  mov rax, <return_compiled>
      005c  call rax
      005e  test rax, rax
      0061  jz 0x00a8
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
      0097  jmp 0x009c
      009c  mov [rbx], rbp
      009f  mov [rbx+0x08], r12
      00a3  jmp 0x001c
      00a8  lea rax, [r13+0x58]  ; hand over at @22
      00ac  jmp 0x001c
data: 3 bytes (branch tables, padding)

func 1: params=1 locals=0 results=1 frame=3
332 bytes of machine code, 15 of them data; 7 of 7 IR instructions compiled
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
      002e  mov eax, [rbx]
      0030  mov ecx, 0x02
      0035  cmp eax, ecx
      0037  cmovnbe eax, ecx
      003a  lea rcx, [0x0140]
      0041  movsxd rax, dword ptr [rcx+rax*4]
      0045  add rax, rcx
      0048  jmp rax
   7: op_const32_si s0 i0xa
      004a  mov eax, 0x0A
      004f  mov [rbx], rax
  11: op_return
      0052  mov rdi, r15
      0055  mov rax, <return_compiled>
      005f  call rax
      0061  test rax, rax
      0064  jz 0x0122
      006a  mov rcx, [r15+0x28]
      006e  mov rbx, [rcx+0x08]
      0072  mov r13, rdx
      0075  mov rcx, [r15+0x20]
      0079  test rcx, rcx
      007c  jz 0x008a
      0082  mov r14, [rcx]
      0085  jmp 0x008d
      008a  xor r14d, r14d
      008d  jmp rax
  13: op_const32_si s0 i0x14
      008f  mov eax, 0x14
      0094  mov [rbx], rax
  17: op_return
      0097  mov rdi, r15
      009a  mov rax, <return_compiled>
      00a4  call rax
      00a6  test rax, rax
      00a9  jz 0x012b
      00af  mov rcx, [r15+0x28]
      00b3  mov rbx, [rcx+0x08]
      00b7  mov r13, rdx
      00ba  mov rcx, [r15+0x20]
      00be  test rcx, rcx
      00c1  jz 0x00cf
      00c7  mov r14, [rcx]
      00ca  jmp 0x00d2
      00cf  xor r14d, r14d
      00d2  jmp rax
  19: op_const32_si s0 i0x1e
      00d4  mov eax, 0x1E
      00d9  mov [rbx], rax
  23: op_return
      00dc  mov rdi, r15
      00df  mov rax, <return_compiled>
      00e9  call rax
      00eb  test rax, rax
      00ee  jz 0x0134
      00f4  mov rcx, [r15+0x28]
      00f8  mov rbx, [rcx+0x08]
      00fc  mov r13, rdx
      00ff  mov rcx, [r15+0x20]
      0103  test rcx, rcx
      0106  jz 0x0114
      010c  mov r14, [rcx]
      010f  jmp 0x0117
      0114  xor r14d, r14d
      0117  jmp rax
out of line (hand-overs):
      0119  lea rax, [r13+0x64]  ; hand over at @25
      011d  jmp 0x001c
      0122  lea rax, [r13+0x2C]  ; hand over at @11
      0126  jmp 0x001c
      012b  lea rax, [r13+0x44]  ; hand over at @17
      012f  jmp 0x001c
      0134  lea rax, [r13+0x5C]  ; hand over at @23
      0138  jmp 0x001c
data: 15 bytes (branch tables, padding)

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
180 bytes of machine code, 1 of them data; 4 of 4 IR instructions compiled
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
   4: op_i32_add_ssi s0 s0 i0x1
      0045  mov eax, [rbx]
      0047  add eax, 0x01
      004a  mov [rbx], rax
   9: op_global_set_xs #0 s0
      004d  mov rdx, [rbx]
      0050  mov rdi, r15
      0053  mov esi, 0x00
      0058  mov rax, <global_set>
      0062  call rax
  13: op_return
      0064  mov rdi, r15
      0067  mov rax, <return_compiled>
      0071  call rax
      0073  test rax, rax
      0076  jz 0x00aa
      007c  mov rcx, [r15+0x28]
      0080  mov rbx, [rcx+0x08]
      0084  mov r13, rdx
      0087  mov rcx, [r15+0x20]
      008b  test rcx, rcx
      008e  jz 0x009c
      0094  mov r14, [rcx]
      0097  jmp 0x009f
      009c  xor r14d, r14d
      009f  jmp rax
out of line (hand-overs):
      00a1  lea rax, [r13+0x3C]  ; hand over at @15
      00a5  jmp 0x001c
      00aa  lea rax, [r13+0x34]  ; hand over at @13
      00ae  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 4: params=1 locals=0 results=0 frame=5
148 bytes of machine code, 2 of them data; 4 of 4 IR instructions compiled
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
      002e  mov eax, [rbx]
      0030  mov eax, [r14+rax*1]
      0034  mov [rbx+0x10], rax
   5: op_i32_add_ssi s2 s2 i0x1
      0038  add eax, 0x01
      003b  mov [rbx+0x10], rax
  10: op_i32_store_sso s0 s2 +4
      003f  mov edx, [rbx+0x10]
      0042  mov eax, [rbx]
      0044  mov [r14+rax*1+0x04], edx
  15: op_return
      0049  mov rdi, r15
      004c  mov rax, <return_compiled>
      0056  call rax
      0058  test rax, rax
      005b  jz 0x008c
      0061  mov rcx, [r15+0x28]
      0065  mov rbx, [rcx+0x08]
      0069  mov r13, rdx
      006c  mov rcx, [r15+0x20]
      0070  test rcx, rcx
      0073  jz 0x0081
      0079  mov r14, [rcx]
      007c  jmp 0x0084
      0081  xor r14d, r14d
      0084  jmp rax
out of line (hand-overs):
      0086  lea rax, [r13+0x44]  ; hand over at @17
      008a  jmp 0x001c
      008c  lea rax, [r13+0x3C]  ; hand over at @15
      0090  jmp 0x001c
data: 2 bytes (branch tables, padding)

