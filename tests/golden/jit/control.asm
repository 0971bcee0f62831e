func 0: params=1 locals=1 results=1 frame=5
256 bytes of machine code, 3 of them data; 6 of 6 IR instructions compiled
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
      0046  mov rbp, r12
  22: op_return
      0049  mov [rbx], rbp
      004c  mov rcx, [r15+0x28]
      0050  mov rsi, [rcx-0x08]
      0054  mov rdi, [rcx-0x18]
      0058  test rsi, rsi
      005b  jz 0x00f4
      0061  test dil, 0x01
      0065  jnz 0x00f4
      006b  mov rdx, [rsi+0x70]
      006f  mov rax, [rdx+0xD8]
      0076  test rax, rax
      0079  jz 0x00f4
      007f  mov r8, [rax+0x28]
      0083  test r8, r8
      0086  jz 0x00f4
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
      00d8  mov rbp, [rbx]
      00db  mov r12, [rbx+0x08]
out of line (hand-overs):
      00df  lea rax, [r13+0x60]  ; hand over at @24
      00e3  jmp 0x00e8
      00e8  mov [rbx], rbp
      00eb  mov [rbx+0x08], r12
      00ef  jmp 0x001c
      00f4  lea rax, [r13+0x58]  ; hand over at @22
      00f8  jmp 0x001c
data: 3 bytes (branch tables, padding)

func 1: params=1 locals=0 results=1 frame=3
280 bytes of machine code, 14 of them data; 7 of 7 IR instructions compiled
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
      003a  lea rcx, [0x010c]
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
      0061  jz 0x0101
      0067  test dil, 0x01
      006b  jnz 0x0101
      0071  mov rdx, [rsi+0x70]
      0075  mov rax, [rdx+0xD8]
      007c  test rax, rax
      007f  jz 0x0101
      0085  mov r8, [rax+0x28]
      0089  test r8, r8
      008c  jz 0x0101
      0092  mov r13, [rdx+0x18]
      0096  sub rdi, r13
      0099  mov edi, [r8+rdi*1]
      009d  add rdi, [rax]
      00a0  add rcx, 0xffffffffffffffe8
      00a4  mov [r15+0x28], rcx
      00a8  mov [r15+0x10], rsi
      00ac  mov rbx, [rcx+0x08]
      00b0  mov rax, [rsi+0x10]
      00b4  cmp rax, [r15+0x18]
      00b8  jz 0x00dc
      00be  mov [r15+0x18], rax
      00c2  mov rcx, [rax+0x110]
      00c9  mov [r15+0x20], rcx
      00cd  xor r14d, r14d
      00d0  test rcx, rcx
      00d3  jz 0x00dc
      00d9  mov r14, [rcx]
      00dc  jmp rdi
  13: op_const32_si s0 i0x14
      00de  mov eax, 0x14
      00e3  mov [rbx], rax
  17: op_return
      00e6  jmp 0x0052
  19: op_const32_si s0 i0x1e
      00eb  mov eax, 0x1E
      00f0  mov [rbx], rax
  23: op_return
      00f3  jmp 0x0052
out of line (hand-overs):
      00f8  lea rax, [r13+0x64]  ; hand over at @25
      00fc  jmp 0x001c
      0101  lea rax, [r13+0x2C]  ; hand over at @11
      0105  jmp 0x001c
data: 14 bytes (branch tables, padding)

func 2: params=1 locals=0 results=1 frame=3
388 bytes of machine code, 1 of them data; 4 of 4 IR instructions compiled
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
      0047  jz 0x0171
      004d  mov rax, [rdx+0xD8]
      0054  test rax, rax
      0057  jz 0x0171
      005d  mov rax, [rax+0x20]
      0061  test rax, rax
      0064  jz 0x0171
      006a  mov rcx, [r15+0x28]
      006e  cmp rcx, [r15+0x38]
      0072  jz 0x0171
      0078  mov r8d, [rdx+0x0C]
      007c  lea r8, [rbx+r8*8+0x08]
      0081  cmp r8, [r15+0x40]
      0085  jnbe 0x0171
      008b  lea r8, [r13+0x20]
      008f  mov [rcx], r8
      0092  mov [rcx+0x08], rbx
      0096  mov r8, [r15+0x10]
      009a  mov [rcx+0x10], r8
      009e  add rcx, 0x18
      00a2  mov [r15+0x28], rcx
      00a6  mov [r15+0x10], rsi
      00aa  mov ecx, [rdx+0x04]
      00ad  test ecx, ecx
      00af  jz 0x00cb
      00b5  mov edi, [rdx]
      00b7  lea rdi, [rbx+rdi*8+0x08]
      00bc  mov qword ptr [rdi], 0x00
      00c3  add rdi, 0x08
      00c7  dec ecx
      00c9  jnz 0x00bc
      00cb  lea rbx, [rbx+0x08]
      00cf  mov r13, [rdx+0x18]
      00d3  jmp rax
   8: op_copy_ss s0 s1
      00d5  mov rax, [rbx+0x08]
      00d9  mov [rbx], rax
  12: op_return
      00dc  mov rcx, [r15+0x28]
      00e0  mov rsi, [rcx-0x08]
      00e4  mov rdi, [rcx-0x18]
      00e8  test rsi, rsi
      00eb  jz 0x017a
      00f1  test dil, 0x01
      00f5  jnz 0x017a
      00fb  mov rdx, [rsi+0x70]
      00ff  mov rax, [rdx+0xD8]
      0106  test rax, rax
      0109  jz 0x017a
      010f  mov r8, [rax+0x28]
      0113  test r8, r8
      0116  jz 0x017a
      011c  mov r13, [rdx+0x18]
      0120  sub rdi, r13
      0123  mov edi, [r8+rdi*1]
      0127  add rdi, [rax]
      012a  add rcx, 0xffffffffffffffe8
      012e  mov [r15+0x28], rcx
      0132  mov [r15+0x10], rsi
      0136  mov rbx, [rcx+0x08]
      013a  mov rax, [rsi+0x10]
      013e  cmp rax, [r15+0x18]
      0142  jz 0x0166
      0148  mov [r15+0x18], rax
      014c  mov rcx, [rax+0x110]
      0153  mov [r15+0x20], rcx
      0157  xor r14d, r14d
      015a  test rcx, rcx
      015d  jz 0x0166
      0163  mov r14, [rcx]
      0166  jmp rdi
out of line (hand-overs):
      0168  lea rax, [r13+0x38]  ; hand over at @14
      016c  jmp 0x001c
      0171  lea rax, [r13+0x10]  ; hand over at @4
      0175  jmp 0x001c
      017a  lea rax, [r13+0x30]  ; hand over at @12
      017e  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 3: params=0 locals=0 results=0 frame=3
256 bytes of machine code, 2 of them data; 4 of 4 IR instructions compiled
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
      006f  jz 0x00f5
      0075  test dil, 0x01
      0079  jnz 0x00f5
      007f  mov rdx, [rsi+0x70]
      0083  mov rax, [rdx+0xD8]
      008a  test rax, rax
      008d  jz 0x00f5
      0093  mov r8, [rax+0x28]
      0097  test r8, r8
      009a  jz 0x00f5
      00a0  mov r13, [rdx+0x18]
      00a4  sub rdi, r13
      00a7  mov edi, [r8+rdi*1]
      00ab  add rdi, [rax]
      00ae  add rcx, 0xffffffffffffffe8
      00b2  mov [r15+0x28], rcx
      00b6  mov [r15+0x10], rsi
      00ba  mov rbx, [rcx+0x08]
      00be  mov rax, [rsi+0x10]
      00c2  cmp rax, [r15+0x18]
      00c6  jz 0x00ea
      00cc  mov [r15+0x18], rax
      00d0  mov rcx, [rax+0x110]
      00d7  mov [r15+0x20], rcx
      00db  xor r14d, r14d
      00de  test rcx, rcx
      00e1  jz 0x00ea
      00e7  mov r14, [rcx]
      00ea  jmp rdi
out of line (hand-overs):
      00ec  lea rax, [r13+0x3C]  ; hand over at @15
      00f0  jmp 0x001c
      00f5  lea rax, [r13+0x34]  ; hand over at @13
      00f9  jmp 0x001c
data: 2 bytes (branch tables, padding)

func 4: params=1 locals=0 results=0 frame=5
240 bytes of machine code, 3 of them data; 4 of 4 IR instructions compiled
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
      0051  jz 0x00e4
      0057  test dil, 0x01
      005b  jnz 0x00e4
      0061  mov rdx, [rsi+0x70]
      0065  mov rax, [rdx+0xD8]
      006c  test rax, rax
      006f  jz 0x00e4
      0075  mov r8, [rax+0x28]
      0079  test r8, r8
      007c  jz 0x00e4
      0082  mov r13, [rdx+0x18]
      0086  sub rdi, r13
      0089  mov edi, [r8+rdi*1]
      008d  add rdi, [rax]
      0090  add rcx, 0xffffffffffffffe8
      0094  mov [r15+0x28], rcx
      0098  mov [r15+0x10], rsi
      009c  mov rbx, [rcx+0x08]
      00a0  mov rax, [rsi+0x10]
      00a4  cmp rax, [r15+0x18]
      00a8  jz 0x00cc
      00ae  mov [r15+0x18], rax
      00b2  mov rcx, [rax+0x110]
      00b9  mov [r15+0x20], rcx
      00bd  xor r14d, r14d
      00c0  test rcx, rcx
      00c3  jz 0x00cc
      00c9  mov r14, [rcx]
      00cc  jmp rdi
      00ce  mov rbp, [rbx+0x10]
out of line (hand-overs):
      00d2  lea rax, [r13+0x44]  ; hand over at @17
      00d6  jmp 0x00db
      00db  mov [rbx+0x10], rbp
      00df  jmp 0x001c
      00e4  lea rax, [r13+0x3C]  ; hand over at @15
      00e8  jmp 0x001c
data: 3 bytes (branch tables, padding)

func 5: params=2 locals=0 results=1 frame=5
500 bytes of machine code, 1 of them data; 4 of 4 IR instructions compiled
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
      0055  jnb 0x01e1
      005b  mov rsi, [rsi+rdx*8]
      005f  test rsi, rsi
      0062  jz 0x01e1
      0068  mov rax, [rcx+0x90]
      006f  mov eax, [rax]
      0071  cmp eax, [rsi]
      0073  jnz 0x01e1
      0079  cmp qword ptr [rsi+0x10], 0x00
      007e  jz 0x01e1
      0084  mov rdx, [rsi+0x70]
      0088  test rdx, rdx
      008b  jz 0x01e1
      0091  mov rax, [rdx+0xD8]
      0098  test rax, rax
      009b  jz 0x01e1
      00a1  mov rax, [rax+0x20]
      00a5  test rax, rax
      00a8  jz 0x01e1
      00ae  mov rcx, [r15+0x28]
      00b2  cmp rcx, [r15+0x38]
      00b6  jz 0x01e1
      00bc  mov r8d, [rdx+0x0C]
      00c0  lea r8, [rbx+r8*8+0x10]
      00c5  cmp r8, [r15+0x40]
      00c9  jnbe 0x01e1
      00cf  lea r8, [r13+0x28]
      00d3  mov [rcx], r8
      00d6  mov [rcx+0x08], rbx
      00da  mov r8, [r15+0x10]
      00de  mov [rcx+0x10], r8
      00e2  add rcx, 0x18
      00e6  mov [r15+0x28], rcx
      00ea  mov [r15+0x10], rsi
      00ee  mov ecx, [rdx+0x04]
      00f1  test ecx, ecx
      00f3  jz 0x010f
      00f9  mov edi, [rdx]
      00fb  lea rdi, [rbx+rdi*8+0x10]
      0100  mov qword ptr [rdi], 0x00
      0107  add rdi, 0x08
      010b  dec ecx
      010d  jnz 0x0100
      010f  mov rdi, [rsi+0x10]
      0113  cmp rdi, [r15+0x18]
      0117  jz 0x013b
      011d  mov [r15+0x18], rdi
      0121  mov rcx, [rdi+0x110]
      0128  mov [r15+0x20], rcx
      012c  xor r14d, r14d
      012f  test rcx, rcx
      0132  jz 0x013b
      0138  mov r14, [rcx]
      013b  lea rbx, [rbx+0x10]
      013f  mov r13, [rdx+0x18]
      0143  jmp rax
  10: op_copy_ss s0 s2
      0145  mov rax, [rbx+0x10]
      0149  mov [rbx], rax
  14: op_return
      014c  mov rcx, [r15+0x28]
      0150  mov rsi, [rcx-0x08]
      0154  mov rdi, [rcx-0x18]
      0158  test rsi, rsi
      015b  jz 0x01ea
      0161  test dil, 0x01
      0165  jnz 0x01ea
      016b  mov rdx, [rsi+0x70]
      016f  mov rax, [rdx+0xD8]
      0176  test rax, rax
      0179  jz 0x01ea
      017f  mov r8, [rax+0x28]
      0183  test r8, r8
      0186  jz 0x01ea
      018c  mov r13, [rdx+0x18]
      0190  sub rdi, r13
      0193  mov edi, [r8+rdi*1]
      0197  add rdi, [rax]
      019a  add rcx, 0xffffffffffffffe8
      019e  mov [r15+0x28], rcx
      01a2  mov [r15+0x10], rsi
      01a6  mov rbx, [rcx+0x08]
      01aa  mov rax, [rsi+0x10]
      01ae  cmp rax, [r15+0x18]
      01b2  jz 0x01d6
      01b8  mov [r15+0x18], rax
      01bc  mov rcx, [rax+0x110]
      01c3  mov [r15+0x20], rcx
      01c7  xor r14d, r14d
      01ca  test rcx, rcx
      01cd  jz 0x01d6
      01d3  mov r14, [rcx]
      01d6  jmp rdi
out of line (hand-overs):
      01d8  lea rax, [r13+0x40]  ; hand over at @16
      01dc  jmp 0x001c
      01e1  lea rax, [r13+0x10]  ; hand over at @4
      01e5  jmp 0x001c
      01ea  lea rax, [r13+0x38]  ; hand over at @14
      01ee  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 6: params=1 locals=0 results=1 frame=3
192 bytes of machine code, 0 of them data; 2 of 2 IR instructions compiled
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
      0048  jz 0x00b7
      004e  mov rax, [rdx+0xD8]
      0055  test rax, rax
      0058  jz 0x00b7
      005e  mov rax, [rax+0x20]
      0062  test rax, rax
      0065  jz 0x00b7
      006b  mov r8d, [rdx+0x0C]
      006f  lea r8, [rbx+r8*8]
      0073  cmp r8, [r15+0x40]
      0077  jnbe 0x00b7
      007d  mov r8, [rbx+0x08]
      0081  mov [rbx], r8
      0084  mov [r15+0x10], rsi
      0088  mov ecx, [rdx+0x04]
      008b  test ecx, ecx
      008d  jz 0x00a8
      0093  mov edi, [rdx]
      0095  lea rdi, [rbx+rdi*8]
      0099  mov qword ptr [rdi], 0x00
      00a0  add rdi, 0x08
      00a4  dec ecx
      00a6  jnz 0x0099
      00a8  mov r13, [rdx+0x18]
      00ac  jmp rax
out of line (hand-overs):
      00ae  lea rax, [r13+0x24]  ; hand over at @9
      00b2  jmp 0x001c
      00b7  lea rax, [r13+0x10]  ; hand over at @4
      00bb  jmp 0x001c

func 7: params=1 locals=0 results=1 frame=4
368 bytes of machine code, 3 of them data; 8 of 8 IR instructions compiled
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
      0042  jmp 0x0097
  12: op_i32_sub_ssi s1 s0 i0x1
      0047  mov eax, [rbx]
      0049  sub eax, 0x01
      004c  mov [rbx+0x08], rax
  17: op_call_xs #7 s1
      0050  mov rcx, [r15+0x28]
      0054  cmp rcx, [r15+0x38]
      0058  jz 0x015b
      005e  lea r8, [rbx+0x28]
      0062  cmp r8, [r15+0x40]
      0066  jnbe 0x015b
      006c  lea r8, [r13+0x54]
      0070  mov [rcx], r8
      0073  mov [rcx+0x08], rbx
      0077  mov r8, [r15+0x10]
      007b  mov [rcx+0x10], r8
      007f  add rcx, 0x18
      0083  mov [r15+0x28], rcx
      0087  lea rbx, [rbx+0x08]
      008b  jmp 0x002e
  21: op_i32_add_ssi s1 s1 i0x1
      008d  mov eax, [rbx+0x08]
      0090  add eax, 0x01
      0093  mov [rbx+0x08], rax
  26: op_copy_ss s0 s1
      0097  mov rax, [rbx+0x08]
      009b  mov [rbx], rax
  30: op_return
      009e  mov rcx, [r15+0x28]
      00a2  mov rsi, [rcx-0x08]
      00a6  mov rdi, [rcx-0x18]
      00aa  cmp rsi, [r15+0x10]
      00ae  jnz 0x00cf
      00b4  lea r8, [r13+0x54]
      00b8  cmp rdi, r8
      00bb  jnz 0x00cf
      00c1  add rcx, 0xffffffffffffffe8
      00c5  mov [r15+0x28], rcx
      00c9  mov rbx, [rcx+0x08]
      00cd  jmp 0x008d
      00cf  test rsi, rsi
      00d2  jz 0x0164
      00d8  test dil, 0x01
      00dc  jnz 0x0164
      00e2  mov rdx, [rsi+0x70]
      00e6  mov rax, [rdx+0xD8]
      00ed  test rax, rax
      00f0  jz 0x0164
      00f6  mov r8, [rax+0x28]
      00fa  test r8, r8
      00fd  jz 0x0164
      0103  mov r13, [rdx+0x18]
      0107  sub rdi, r13
      010a  mov edi, [r8+rdi*1]
      010e  add rdi, [rax]
      0111  add rcx, 0xffffffffffffffe8
      0115  mov [r15+0x28], rcx
      0119  mov [r15+0x10], rsi
      011d  mov rbx, [rcx+0x08]
      0121  mov rax, [rsi+0x10]
      0125  cmp rax, [r15+0x18]
      0129  jz 0x014d
      012f  mov [r15+0x18], rax
      0133  mov rcx, [rax+0x110]
      013a  mov [r15+0x20], rcx
      013e  xor r14d, r14d
      0141  test rcx, rcx
      0144  jz 0x014d
      014a  mov r14, [rcx]
      014d  jmp rdi
out of line (hand-overs):
      014f  lea rax, [r13+0x80]  ; hand over at @32
      0156  jmp 0x001c
      015b  lea rax, [r13+0x44]  ; hand over at @17
      015f  jmp 0x001c
      0164  lea rax, [r13+0x78]  ; hand over at @30
      0168  jmp 0x001c
data: 3 bytes (branch tables, padding)

func 8: params=2 locals=1 results=1 frame=7
292 bytes of machine code, 2 of them data; 8 of 8 IR instructions compiled
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
      0033  jnz 0x0046
   5: op_copy_ss s3 s1
      0039  mov rax, [rbx+0x08]
      003d  mov [rbx+0x18], rax
   9: op_br_b @27
      0041  jmp 0x0071
  12: op_i32_sub_ssi s3 s0 i0x1
      0046  mov eax, [rbx]
      0048  sub eax, 0x01
      004b  mov [rbx+0x18], rax
  17: op_i32_add_ssi s4 s1 i0x2
      004f  mov eax, [rbx+0x08]
      0052  add eax, 0x02
      0055  mov [rbx+0x20], rax
  22: op_return_call_xsi #8 s3 i0x2
      0059  mov r8, [rbx+0x18]
      005d  mov [rbx], r8
      0060  mov r8, [rbx+0x20]
      0064  mov [rbx+0x08], r8
      0068  xor r8d, r8d
      006b  mov [rbx+0x10], r8
      006f  jmp 0x002e
  27: op_copy_ss s0 s3
      0071  mov rax, [rbx+0x18]
      0075  mov [rbx], rax
  31: op_return
      0078  mov rcx, [r15+0x28]
      007c  mov rsi, [rcx-0x08]
      0080  mov rdi, [rcx-0x18]
      0084  test rsi, rsi
      0087  jz 0x0119
      008d  test dil, 0x01
      0091  jnz 0x0119
      0097  mov rdx, [rsi+0x70]
      009b  mov rax, [rdx+0xD8]
      00a2  test rax, rax
      00a5  jz 0x0119
      00ab  mov r8, [rax+0x28]
      00af  test r8, r8
      00b2  jz 0x0119
      00b8  mov r13, [rdx+0x18]
      00bc  sub rdi, r13
      00bf  mov edi, [r8+rdi*1]
      00c3  add rdi, [rax]
      00c6  add rcx, 0xffffffffffffffe8
      00ca  mov [r15+0x28], rcx
      00ce  mov [r15+0x10], rsi
      00d2  mov rbx, [rcx+0x08]
      00d6  mov rax, [rsi+0x10]
      00da  cmp rax, [r15+0x18]
      00de  jz 0x0102
      00e4  mov [r15+0x18], rax
      00e8  mov rcx, [rax+0x110]
      00ef  mov [r15+0x20], rcx
      00f3  xor r14d, r14d
      00f6  test rcx, rcx
      00f9  jz 0x0102
      00ff  mov r14, [rcx]
      0102  jmp rdi
out of line (hand-overs):
      0104  lea rax, [r13+0x84]  ; hand over at @33
      010b  jmp 0x001c
      0110  lea rax, [r13+0x58]  ; hand over at @22
      0114  jmp 0x001c
      0119  lea rax, [r13+0x7C]  ; hand over at @31
      011d  jmp 0x001c
data: 2 bytes (branch tables, padding)

