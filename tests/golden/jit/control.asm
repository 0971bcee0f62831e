func 0: params=1 locals=1 results=1 frame=5
248 bytes of machine code, 1 of them data; 6 of 6 IR instructions compiled
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
      002e  xor r8d, r8d
      0031  mov [rbx+0x08], r8
      0035  mov rbp, [rbx]
      0038  mov r12, [rbx+0x08]
   0: op_br_if_i32_eq_sib s0 i0x0 @18
      003c  cmp ebp, 0x00
      003f  jz 0x004d
   5: op_i32_add_sss s1 s1 s0
      0045  add r12d, ebp
  10: op_i32_sub_ssi s0 s0 i0x1
      0048  sub ebp, 0x01
  15: op_br_b @0
      004b  jmp 0x003c
  18: op_copy_ss s0 s1
      004d  mov rbp, r12
  22: op_return
      0050  mov [rbx], rbp
      0053  mov rcx, [r15+0x28]
      0057  mov rsi, [rcx-0x08]
      005b  mov rdi, [rcx-0x18]
      005f  test rsi, rsi
      0062  jz 0x00ee
      0068  test dil, 0x01
      006c  jnz 0x00ee
      0072  mov rdx, [rsi+0x70]
      0076  cmp qword ptr [rdx+0x20], 0x00
      007b  jz 0x00ee
      0081  mov rax, [rdx+0x90]
      0088  mov r13, [rdx+0x18]
      008c  mov r8, [rax+0x30]
      0090  mov edi, [r8+rdi*1]
      0094  add rdi, [rax]
      0097  mov rbx, [rcx-0x10]
      009b  sub qword ptr [r15+0x28], 0x18
      00a0  mov [r15+0x10], rsi
      00a4  mov rax, [rsi+0x10]
      00a8  cmp rax, [r15+0x18]
      00ac  jz 0x00d0
      00b2  mov [r15+0x18], rax
      00b6  mov rcx, [rax+0x110]
      00bd  mov [r15+0x20], rcx
      00c1  xor r14d, r14d
      00c4  test rcx, rcx
      00c7  jz 0x00d0
      00cd  mov r14, [rcx]
      00d0  jmp rdi
      00d2  mov rbp, [rbx]
      00d5  mov r12, [rbx+0x08]
out of line (hand-overs):
      00d9  lea rax, [r13+0x60]  ; hand over at @24
      00dd  jmp 0x00e2
      00e2  mov [rbx], rbp
      00e5  mov [rbx+0x08], r12
      00e9  jmp 0x001c
      00ee  lea rax, [r13+0x58]  ; hand over at @22
      00f2  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 1: params=1 locals=0 results=1 frame=3
268 bytes of machine code, 15 of them data; 7 of 7 IR instructions compiled
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
      003a  lea rcx, [0x0100]
      0041  movsxd rax, dword ptr [rcx+rax*4]
      0045  add rax, rcx
      0048  jmp rax
   7: op_const32_si s0 i0xa
      004a  mov eax, 0x0A
      004f  mov [rbx], rax
  11: op_return
      0052  mov rcx, [r15+0x28]
      0056  mov rsi, [rcx-0x08]
      005a  mov rdi, [rcx-0x18]
      005e  test rsi, rsi
      0061  jz 0x00f4
      0067  test dil, 0x01
      006b  jnz 0x00f4
      0071  mov rdx, [rsi+0x70]
      0075  cmp qword ptr [rdx+0x20], 0x00
      007a  jz 0x00f4
      0080  mov rax, [rdx+0x90]
      0087  mov r13, [rdx+0x18]
      008b  mov r8, [rax+0x30]
      008f  mov edi, [r8+rdi*1]
      0093  add rdi, [rax]
      0096  mov rbx, [rcx-0x10]
      009a  sub qword ptr [r15+0x28], 0x18
      009f  mov [r15+0x10], rsi
      00a3  mov rax, [rsi+0x10]
      00a7  cmp rax, [r15+0x18]
      00ab  jz 0x00cf
      00b1  mov [r15+0x18], rax
      00b5  mov rcx, [rax+0x110]
      00bc  mov [r15+0x20], rcx
      00c0  xor r14d, r14d
      00c3  test rcx, rcx
      00c6  jz 0x00cf
      00cc  mov r14, [rcx]
      00cf  jmp rdi
  13: op_const32_si s0 i0x14
      00d1  mov eax, 0x14
      00d6  mov [rbx], rax
  17: op_return
      00d9  jmp 0x0052
  19: op_const32_si s0 i0x1e
      00de  mov eax, 0x1E
      00e3  mov [rbx], rax
  23: op_return
      00e6  jmp 0x0052
out of line (hand-overs):
      00eb  lea rax, [r13+0x64]  ; hand over at @25
      00ef  jmp 0x001c
      00f4  lea rax, [r13+0x2C]  ; hand over at @11
      00f8  jmp 0x001c
data: 15 bytes (branch tables, padding)

func 2: params=1 locals=0 results=1 frame=3
324 bytes of machine code, 2 of them data; 4 of 4 IR instructions compiled
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
      0035  mov rax, [r15+0x18]
      0039  mov rax, [rax+0x18]
      003d  mov rsi, [rax]
      0040  mov rdx, [rsi+0x70]
      0044  test rdx, rdx
      0047  jz 0x0130
      004d  mov rax, [rdx+0x20]
      0051  test rax, rax
      0054  jz 0x0130
      005a  mov rcx, [r15+0x28]
      005e  cmp rcx, [r15+0x38]
      0062  jz 0x0130
      0068  mov r8d, [rdx+0x0C]
      006c  lea r8, [rbx+r8*8+0x08]
      0071  cmp r8, [r15+0x40]
      0075  jnbe 0x0130
      007b  lea r8, [r13+0x20]
      007f  mov [rcx], r8
      0082  mov [rcx+0x08], rbx
      0086  mov r8, [r15+0x10]
      008a  mov [rcx+0x10], r8
      008e  add qword ptr [r15+0x28], 0x18
      0093  mov [r15+0x10], rsi
      0097  lea rbx, [rbx+0x08]
      009b  mov r13, [rdx+0x18]
      009f  jmp rax
   8: op_copy_ss s0 s1
      00a1  mov rax, [rbx+0x08]
      00a5  mov [rbx], rax
  12: op_return
      00a8  mov rcx, [r15+0x28]
      00ac  mov rsi, [rcx-0x08]
      00b0  mov rdi, [rcx-0x18]
      00b4  test rsi, rsi
      00b7  jz 0x0139
      00bd  test dil, 0x01
      00c1  jnz 0x0139
      00c7  mov rdx, [rsi+0x70]
      00cb  cmp qword ptr [rdx+0x20], 0x00
      00d0  jz 0x0139
      00d6  mov rax, [rdx+0x90]
      00dd  mov r13, [rdx+0x18]
      00e1  mov r8, [rax+0x30]
      00e5  mov edi, [r8+rdi*1]
      00e9  add rdi, [rax]
      00ec  mov rbx, [rcx-0x10]
      00f0  sub qword ptr [r15+0x28], 0x18
      00f5  mov [r15+0x10], rsi
      00f9  mov rax, [rsi+0x10]
      00fd  cmp rax, [r15+0x18]
      0101  jz 0x0125
      0107  mov [r15+0x18], rax
      010b  mov rcx, [rax+0x110]
      0112  mov [r15+0x20], rcx
      0116  xor r14d, r14d
      0119  test rcx, rcx
      011c  jz 0x0125
      0122  mov r14, [rcx]
      0125  jmp rdi
out of line (hand-overs):
      0127  lea rax, [r13+0x38]  ; hand over at @14
      012b  jmp 0x001c
      0130  lea rax, [r13+0x10]  ; hand over at @4
      0134  jmp 0x001c
      0139  lea rax, [r13+0x30]  ; hand over at @12
      013d  jmp 0x001c
data: 2 bytes (branch tables, padding)

func 3: params=0 locals=0 results=0 frame=3
244 bytes of machine code, 3 of them data; 4 of 4 IR instructions compiled
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
      002e  mov rax, [r15+0x18]
      0032  mov rax, [rax+0x60]
      0036  mov rax, [rax]
      0039  mov rax, [rax+0x10]
      003d  mov [rbx], rax
   4: op_i32_add_ssi s0 s0 i0x1
      0040  add eax, 0x01
      0043  mov [rbx], rax
   9: op_global_set_xs #0 s0
      0046  mov rax, [r15+0x18]
      004a  mov rax, [rax+0x60]
      004e  mov rax, [rax]
      0051  mov rcx, [rbx]
      0054  mov [rax+0x10], rcx
      0058  mov qword ptr [rax+0x18], 0x00
  13: op_return
      0060  mov rcx, [r15+0x28]
      0064  mov rsi, [rcx-0x08]
      0068  mov rdi, [rcx-0x18]
      006c  test rsi, rsi
      006f  jz 0x00e8
      0075  test dil, 0x01
      0079  jnz 0x00e8
      007f  mov rdx, [rsi+0x70]
      0083  cmp qword ptr [rdx+0x20], 0x00
      0088  jz 0x00e8
      008e  mov rax, [rdx+0x90]
      0095  mov r13, [rdx+0x18]
      0099  mov r8, [rax+0x30]
      009d  mov edi, [r8+rdi*1]
      00a1  add rdi, [rax]
      00a4  mov rbx, [rcx-0x10]
      00a8  sub qword ptr [r15+0x28], 0x18
      00ad  mov [r15+0x10], rsi
      00b1  mov rax, [rsi+0x10]
      00b5  cmp rax, [r15+0x18]
      00b9  jz 0x00dd
      00bf  mov [r15+0x18], rax
      00c3  mov rcx, [rax+0x110]
      00ca  mov [r15+0x20], rcx
      00ce  xor r14d, r14d
      00d1  test rcx, rcx
      00d4  jz 0x00dd
      00da  mov r14, [rcx]
      00dd  jmp rdi
out of line (hand-overs):
      00df  lea rax, [r13+0x3C]  ; hand over at @15
      00e3  jmp 0x001c
      00e8  lea rax, [r13+0x34]  ; hand over at @13
      00ec  jmp 0x001c
data: 3 bytes (branch tables, padding)

func 4: params=1 locals=0 results=0 frame=5
224 bytes of machine code, 0 of them data; 4 of 4 IR instructions compiled
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
      002e  mov rbp, [rbx+0x10]
   0: op_i32_load_sso s2 s0 +0
      0032  mov ebp, [rbx]
      0034  mov ebp, [r14+rbp*1]
   5: op_i32_add_ssi s2 s2 i0x1
      0038  add ebp, 0x01
  10: op_i32_store_sso s0 s2 +4
      003b  mov ecx, [rbx]
      003d  mov [r14+rcx*1+0x04], ebp
  15: op_return
      0042  mov rcx, [r15+0x28]
      0046  mov rsi, [rcx-0x08]
      004a  mov rdi, [rcx-0x18]
      004e  test rsi, rsi
      0051  jz 0x00d7
      0057  test dil, 0x01
      005b  jnz 0x00d7
      0061  mov rdx, [rsi+0x70]
      0065  cmp qword ptr [rdx+0x20], 0x00
      006a  jz 0x00d7
      0070  mov rax, [rdx+0x90]
      0077  mov r13, [rdx+0x18]
      007b  mov r8, [rax+0x30]
      007f  mov edi, [r8+rdi*1]
      0083  add rdi, [rax]
      0086  mov rbx, [rcx-0x10]
      008a  sub qword ptr [r15+0x28], 0x18
      008f  mov [r15+0x10], rsi
      0093  mov rax, [rsi+0x10]
      0097  cmp rax, [r15+0x18]
      009b  jz 0x00bf
      00a1  mov [r15+0x18], rax
      00a5  mov rcx, [rax+0x110]
      00ac  mov [r15+0x20], rcx
      00b0  xor r14d, r14d
      00b3  test rcx, rcx
      00b6  jz 0x00bf
      00bc  mov r14, [rcx]
      00bf  jmp rdi
      00c1  mov rbp, [rbx+0x10]
out of line (hand-overs):
      00c5  lea rax, [r13+0x44]  ; hand over at @17
      00c9  jmp 0x00ce
      00ce  mov [rbx+0x10], rbp
      00d2  jmp 0x001c
      00d7  lea rax, [r13+0x3C]  ; hand over at @15
      00db  jmp 0x001c

func 5: params=2 locals=0 results=1 frame=5
432 bytes of machine code, 0 of them data; 4 of 4 IR instructions compiled
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
   0: op_copy_ss s2 s1
      002e  mov rax, [rbx+0x08]
      0032  mov [rbx+0x10], rax
   4: op_call_indirect_sxxs s0 #0 #0 s2
      0036  mov rcx, [r15+0x18]
      003a  mov rax, [rcx+0x30]
      003e  mov rax, [rax]
      0041  mov edx, [rbx]
      0043  mov rsi, [rax+0x28]
      0047  mov rdi, [rax+0x30]
      004b  sub rdi, rsi
      004e  shr rdi, 0x03
      0052  cmp rdx, rdi
      0055  jnb 0x019e
      005b  mov rsi, [rsi+rdx*8]
      005f  test rsi, rsi
      0062  jz 0x019e
      0068  mov rax, [rcx+0x90]
      006f  mov eax, [rax]
      0071  cmp eax, [rsi]
      0073  jnz 0x019e
      0079  mov rdi, [rsi+0x10]
      007d  test rdi, rdi
      0080  jz 0x019e
      0086  mov rdx, [rsi+0x70]
      008a  test rdx, rdx
      008d  jz 0x019e
      0093  mov rax, [rdx+0x20]
      0097  test rax, rax
      009a  jz 0x019e
      00a0  mov rcx, [r15+0x28]
      00a4  cmp rcx, [r15+0x38]
      00a8  jz 0x019e
      00ae  mov r8d, [rdx+0x0C]
      00b2  lea r8, [rbx+r8*8+0x10]
      00b7  cmp r8, [r15+0x40]
      00bb  jnbe 0x019e
      00c1  lea r8, [r13+0x28]
      00c5  mov [rcx], r8
      00c8  mov [rcx+0x08], rbx
      00cc  mov r8, [r15+0x10]
      00d0  mov [rcx+0x10], r8
      00d4  add qword ptr [r15+0x28], 0x18
      00d9  mov [r15+0x10], rsi
      00dd  cmp rdi, [r15+0x18]
      00e1  jz 0x0105
      00e7  mov [r15+0x18], rdi
      00eb  mov rcx, [rdi+0x110]
      00f2  mov [r15+0x20], rcx
      00f6  xor r14d, r14d
      00f9  test rcx, rcx
      00fc  jz 0x0105
      0102  mov r14, [rcx]
      0105  lea rbx, [rbx+0x10]
      0109  mov r13, [rdx+0x18]
      010d  jmp rax
  10: op_copy_ss s0 s2
      010f  mov rax, [rbx+0x10]
      0113  mov [rbx], rax
  14: op_return
      0116  mov rcx, [r15+0x28]
      011a  mov rsi, [rcx-0x08]
      011e  mov rdi, [rcx-0x18]
      0122  test rsi, rsi
      0125  jz 0x01a7
      012b  test dil, 0x01
      012f  jnz 0x01a7
      0135  mov rdx, [rsi+0x70]
      0139  cmp qword ptr [rdx+0x20], 0x00
      013e  jz 0x01a7
      0144  mov rax, [rdx+0x90]
      014b  mov r13, [rdx+0x18]
      014f  mov r8, [rax+0x30]
      0153  mov edi, [r8+rdi*1]
      0157  add rdi, [rax]
      015a  mov rbx, [rcx-0x10]
      015e  sub qword ptr [r15+0x28], 0x18
      0163  mov [r15+0x10], rsi
      0167  mov rax, [rsi+0x10]
      016b  cmp rax, [r15+0x18]
      016f  jz 0x0193
      0175  mov [r15+0x18], rax
      0179  mov rcx, [rax+0x110]
      0180  mov [r15+0x20], rcx
      0184  xor r14d, r14d
      0187  test rcx, rcx
      018a  jz 0x0193
      0190  mov r14, [rcx]
      0193  jmp rdi
out of line (hand-overs):
      0195  lea rax, [r13+0x40]  ; hand over at @16
      0199  jmp 0x001c
      019e  lea rax, [r13+0x10]  ; hand over at @4
      01a2  jmp 0x001c
      01a7  lea rax, [r13+0x38]  ; hand over at @14
      01ab  jmp 0x001c

func 6: params=1 locals=0 results=1 frame=3
140 bytes of machine code, 2 of them data; 2 of 2 IR instructions compiled
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
   4: op_return_call_xsi #1 s1 i0x1
      0035  mov rax, [r15+0x18]
      0039  mov rax, [rax+0x18]
      003d  mov rsi, [rax+0x08]
      0041  mov rdx, [rsi+0x70]
      0045  test rdx, rdx
      0048  jz 0x0084
      004e  mov rax, [rdx+0x20]
      0052  test rax, rax
      0055  jz 0x0084
      005b  mov r8d, [rdx+0x0C]
      005f  lea r8, [rbx+r8*8]
      0063  cmp r8, [r15+0x40]
      0067  jnbe 0x0084
      006d  mov r8, [rbx+0x08]
      0071  mov [rbx], r8
      0074  mov [r15+0x10], rsi
      0078  mov r13, [rdx+0x18]
      007c  jmp rax
out of line (hand-overs):
      007e  lea rax, [r13+0x24]  ; hand over at @9
      0082  jmp 0x001c
      0084  lea rax, [r13+0x10]  ; hand over at @4
      0088  jmp 0x001c
data: 2 bytes (branch tables, padding)

func 7: params=1 locals=0 results=1 frame=4
340 bytes of machine code, 3 of them data; 8 of 8 IR instructions compiled
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
   0: op_br_if_i32_ne_sib s0 i0x0 @12
      002e  mov eax, [rbx]
      0030  cmp eax, 0x00
      0033  jnz 0x0047
   5: op_const32_si s1 i0x0
      0039  mov eax, 0x00
      003e  mov [rbx+0x08], rax
   9: op_br_b @26
      0042  jmp 0x0094
  12: op_i32_sub_ssi s1 s0 i0x1
      0047  mov eax, [rbx]
      0049  sub eax, 0x01
      004c  mov [rbx+0x08], rax
  17: op_call_xs #7 s1
      0050  mov rcx, [r15+0x28]
      0054  cmp rcx, [r15+0x38]
      0058  jz 0x013f
      005e  lea r8, [rbx+0x28]
      0062  cmp r8, [r15+0x40]
      0066  jnbe 0x013f
      006c  lea r8, [r13+0x54]
      0070  mov [rcx], r8
      0073  mov [rcx+0x08], rbx
      0077  mov r8, [r15+0x10]
      007b  mov [rcx+0x10], r8
      007f  add qword ptr [r15+0x28], 0x18
      0084  lea rbx, [rbx+0x08]
      0088  jmp 0x002e
  21: op_i32_add_ssi s1 s1 i0x1
      008a  mov eax, [rbx+0x08]
      008d  add eax, 0x01
      0090  mov [rbx+0x08], rax
  26: op_copy_ss s0 s1
      0094  mov rax, [rbx+0x08]
      0098  mov [rbx], rax
  30: op_return
      009b  mov rcx, [r15+0x28]
      009f  lea r8, [r13+0x54]
      00a3  cmp [rcx-0x18], r8
      00a7  jnz 0x00b8
      00ad  mov rbx, [rcx-0x10]
      00b1  sub qword ptr [r15+0x28], 0x18
      00b6  jmp 0x008a
      00b8  mov rsi, [rcx-0x08]
      00bc  mov rdi, [rcx-0x18]
      00c0  test rsi, rsi
      00c3  jz 0x0148
      00c9  test dil, 0x01
      00cd  jnz 0x0148
      00d3  mov rdx, [rsi+0x70]
      00d7  cmp qword ptr [rdx+0x20], 0x00
      00dc  jz 0x0148
      00e2  mov rax, [rdx+0x90]
      00e9  mov r13, [rdx+0x18]
      00ed  mov r8, [rax+0x30]
      00f1  mov edi, [r8+rdi*1]
      00f5  add rdi, [rax]
      00f8  mov rbx, [rcx-0x10]
      00fc  sub qword ptr [r15+0x28], 0x18
      0101  mov [r15+0x10], rsi
      0105  mov rax, [rsi+0x10]
      0109  cmp rax, [r15+0x18]
      010d  jz 0x0131
      0113  mov [r15+0x18], rax
      0117  mov rcx, [rax+0x110]
      011e  mov [r15+0x20], rcx
      0122  xor r14d, r14d
      0125  test rcx, rcx
      0128  jz 0x0131
      012e  mov r14, [rcx]
      0131  jmp rdi
out of line (hand-overs):
      0133  lea rax, [r13+0x80]  ; hand over at @32
      013a  jmp 0x001c
      013f  lea rax, [r13+0x44]  ; hand over at @17
      0143  jmp 0x001c
      0148  lea rax, [r13+0x78]  ; hand over at @30
      014c  jmp 0x001c
data: 3 bytes (branch tables, padding)

func 8: params=2 locals=1 results=1 frame=7
280 bytes of machine code, 3 of them data; 8 of 8 IR instructions compiled
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
      002e  xor r8d, r8d
      0031  mov [rbx+0x10], r8
   0: op_br_if_i32_ne_sib s0 i0x0 @12
      0035  mov eax, [rbx]
      0037  cmp eax, 0x00
      003a  jnz 0x004d
   5: op_copy_ss s3 s1
      0040  mov rax, [rbx+0x08]
      0044  mov [rbx+0x18], rax
   9: op_br_b @27
      0048  jmp 0x0071
  12: op_i32_sub_ssi s3 s0 i0x1
      004d  mov eax, [rbx]
      004f  sub eax, 0x01
      0052  mov [rbx+0x18], rax
  17: op_i32_add_ssi s4 s1 i0x2
      0056  mov eax, [rbx+0x08]
      0059  add eax, 0x02
      005c  mov [rbx+0x20], rax
  22: op_return_call_xsi #8 s3 i0x2
      0060  mov r8, [rbx+0x18]
      0064  mov [rbx], r8
      0067  mov r8, [rbx+0x20]
      006b  mov [rbx+0x08], r8
      006f  jmp 0x002e
  27: op_copy_ss s0 s3
      0071  mov rax, [rbx+0x18]
      0075  mov [rbx], rax
  31: op_return
      0078  mov rcx, [r15+0x28]
      007c  mov rsi, [rcx-0x08]
      0080  mov rdi, [rcx-0x18]
      0084  test rsi, rsi
      0087  jz 0x010c
      008d  test dil, 0x01
      0091  jnz 0x010c
      0097  mov rdx, [rsi+0x70]
      009b  cmp qword ptr [rdx+0x20], 0x00
      00a0  jz 0x010c
      00a6  mov rax, [rdx+0x90]
      00ad  mov r13, [rdx+0x18]
      00b1  mov r8, [rax+0x30]
      00b5  mov edi, [r8+rdi*1]
      00b9  add rdi, [rax]
      00bc  mov rbx, [rcx-0x10]
      00c0  sub qword ptr [r15+0x28], 0x18
      00c5  mov [r15+0x10], rsi
      00c9  mov rax, [rsi+0x10]
      00cd  cmp rax, [r15+0x18]
      00d1  jz 0x00f5
      00d7  mov [r15+0x18], rax
      00db  mov rcx, [rax+0x110]
      00e2  mov [r15+0x20], rcx
      00e6  xor r14d, r14d
      00e9  test rcx, rcx
      00ec  jz 0x00f5
      00f2  mov r14, [rcx]
      00f5  jmp rdi
out of line (hand-overs):
      00f7  lea rax, [r13+0x84]  ; hand over at @33
      00fe  jmp 0x001c
      0103  lea rax, [r13+0x58]  ; hand over at @22
      0107  jmp 0x001c
      010c  lea rax, [r13+0x7C]  ; hand over at @31
      0110  jmp 0x001c
data: 3 bytes (branch tables, padding)

